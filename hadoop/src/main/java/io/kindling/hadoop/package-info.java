/**
 * Kindling's Hadoop-facing module: Parquet files ({@code parquet}) and {@code hdfs://} paths ({@code fs}). The only
 * module that depends on Hadoop and Parquet; the engine finds what it provides with ServiceLoader.
 */
package io.kindling.hadoop;
