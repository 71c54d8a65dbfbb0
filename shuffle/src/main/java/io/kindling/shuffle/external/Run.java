package io.kindling.shuffle.external;

/**
 * A sorted run of combined entries (in memory or spilled), read in (partition, hash) order: each entry has a
 * sort key (see {@link CombineMap.SortedEntries#sortKey(int, int)}), a key and a combiner.
 */
interface Run extends AutoCloseable {
  /** Moves to the next entry; false at the end. */
  boolean next();

  long sortKey();

  Object key();

  Object value();

  @Override
  void close();
}
