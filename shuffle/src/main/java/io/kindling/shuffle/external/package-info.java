/**
 * Memory-bounded aggregation and sorting for shuffles: an open-addressing combine map and a record buffer whose
 * heap size is estimated by sampling, spilling sorted runs to disk past the memory budget and merging them, so
 * that a shuffle larger than the heap completes.
 */
package io.kindling.shuffle.external;
