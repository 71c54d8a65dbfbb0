/**
 * Parquet in the engine's format layer: schema mapping to Kindling's types, a split reader with column pruning
 * and row-group skipping by statistics, a writer for output directories, and the {@code parquet} ExternalFormat.
 */
package io.kindling.hadoop.parquet;
