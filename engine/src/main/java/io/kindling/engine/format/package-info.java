/**
 * File formats for DataFrames (CSV, JSON lines, text): options as Spark names them, readers that turn a file
 * split into typed values pushed to a {@link io.kindling.engine.format.RowConsumer}, schema inference, and
 * writers. DataFrame-agnostic: depends only on {@code io.kindling.sql.types}.
 */
package io.kindling.engine.format;
