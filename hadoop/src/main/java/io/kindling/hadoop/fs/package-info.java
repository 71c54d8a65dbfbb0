/**
 * {@code hdfs://} paths for the engine's file system layer, through Hadoop's client: listing, streams, atomic
 * renames and block locations (placement hints). Registered for the {@code hdfs} scheme with ServiceLoader.
 */
package io.kindling.hadoop.fs;
