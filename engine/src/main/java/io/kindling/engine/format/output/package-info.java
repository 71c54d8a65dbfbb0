/**
 * Writing output directories: atomic commit with Spark's save modes, Hive-style partition directories
 * ({@code col=value}) with Spark's escaping, partition discovery on read, and output compression.
 */
package io.kindling.engine.format.output;
