/**
 * Cached blocks off the heap: the checksummed chunk format (elements serialized with Kryo), the Chronicle Map
 * chunk stores of OFF_HEAP (in memory) and MEMORY_AND_DISK (memory-mapped file), and the block files of
 * DISK_ONLY.
 */
package io.kindling.persistence.block;
