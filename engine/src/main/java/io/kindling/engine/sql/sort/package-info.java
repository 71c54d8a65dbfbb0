/** Sorting column batches: in memory by an index permutation, spilling sorted runs to disk and merging them. */
package io.kindling.engine.sql.sort;
