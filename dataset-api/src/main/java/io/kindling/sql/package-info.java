/**
 * DataFrames: {@link io.kindling.sql.DataFrame} (a distributed table with a schema, planned and optimized, run
 * on column batches), {@link io.kindling.sql.Row}, {@link io.kindling.sql.Column} and the built-in
 * {@link io.kindling.sql.functions}, grouping, and the file readers and writers.
 */
package io.kindling.sql;
