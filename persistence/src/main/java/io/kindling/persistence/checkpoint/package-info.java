/**
 * Reliable checkpoints on any file system with an adapter (local disk, {@code hdfs://}): each partition of a
 * checkpointed dataset written as one file of checksummed chunks, metadata that marks a complete checkpoint, and
 * the lineage node that reads them back (also in a later session).
 */
package io.kindling.persistence.checkpoint;
