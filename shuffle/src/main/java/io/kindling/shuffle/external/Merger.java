package io.kindling.shuffle.external;

/**
 * How values fold into a key's combiner: {@link #first} starts one from the key's first value, {@link #add}
 * folds in another. Map-side combine uses the aggregator's createCombiner and mergeValue; a reduce side reading
 * pre-combined map outputs uses identity and mergeCombiners.
 */
public interface Merger<V, C> {
  C first(V value);

  C add(C combiner, V value);

  /** Merges two combiners of the same key (spilled runs of one key). */
  C merge(C a, C b);
}
