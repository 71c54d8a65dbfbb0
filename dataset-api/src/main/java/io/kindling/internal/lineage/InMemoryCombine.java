package io.kindling.internal.lineage;

import io.kindling.Tuple2;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Combines records by key in a heap hash map: the fallback where no node service can spill to disk. */
public final class InMemoryCombine {
  private InMemoryCombine() {}

  /** Every key of {@code records} once, with its values folded by {@code aggregator}. */
  public static <K, V, C> Iterator<Tuple2<K, C>> combine(Iterator<? extends Tuple2<K, V>> records,
      Aggregator<V, C> aggregator) throws Exception {
    Map<K, C> combined = new HashMap<>();
    while (records.hasNext()) {
      Tuple2<K, V> t = records.next();
      K key = t._1();
      C current = combined.get(key);
      if (current == null && !combined.containsKey(key)) {
        combined.put(key, aggregator.createCombiner().call(t._2()));
      } else {
        combined.put(key, aggregator.mergeValue().call(current, t._2()));
      }
    }
    Iterator<Map.Entry<K, C>> entries = combined.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Tuple2<K, C> next() {
        Map.Entry<K, C> e = entries.next();
        return Tuple2.of(e.getKey(), e.getValue());
      }
    };
  }
}
