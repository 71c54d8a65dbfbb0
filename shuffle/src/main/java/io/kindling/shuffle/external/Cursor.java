package io.kindling.shuffle.external;

/** Walks (partition, key, value) entries without allocating one object per entry. */
public interface Cursor<K, V> {
  /** Moves to the next entry; false at the end. */
  boolean next();

  int partition();

  K key();

  V value();
}
