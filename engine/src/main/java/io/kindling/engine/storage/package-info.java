/**
 * Cached blocks on a node: the {@link io.kindling.engine.storage.BlockManager} keeps persisted partitions
 * (deserialized on heap for MEMORY_ONLY, as checksummed serialized chunks in the storage layer's stores
 * otherwise), evicts whole partitions least-recently-used first, and remembers which were lost so that their
 * recomputation is reported.
 */
package io.kindling.engine.storage;
