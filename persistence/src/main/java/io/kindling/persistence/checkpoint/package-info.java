/**
 * Reliable checkpoints on the local file system: each partition of a checkpointed dataset written as one file of
 * checksummed chunks, and the lineage node that reads them back.
 */
package io.kindling.persistence.checkpoint;
