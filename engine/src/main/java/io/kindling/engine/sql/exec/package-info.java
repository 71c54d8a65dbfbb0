/** Turning batches into rows for the driver and for {@code df.rdd()}. */
package io.kindling.engine.sql.exec;
