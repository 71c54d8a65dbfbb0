package io.kindling.rdd;

import io.kindling.Tuple2;
import io.kindling.function.Function;
import io.kindling.internal.SessionContext;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;

/**
 * A dataset of key-value pairs, with the by-key operations. The {@link RDD} methods that keep the element
 * type return a {@code PairRDD} here, as in Spark's {@code JavaPairRDD}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairRDD<K, V> extends RDD<Tuple2<K, V>> {

  /** Internal: pair datasets are made by transformations. */
  public PairRDD(SessionContext context, LineageNode<Tuple2<K, V>> node) {
    super(context, node);
  }

  /** Views a dataset of pairs as a {@code PairRDD}. */
  public static <K, V> PairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
    return rdd instanceof PairRDD<K, V> p ? p : new PairRDD<>(rdd.context, rdd.node);
  }

  @Override
  public PairRDD<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairRDD<K, V> persist(StorageLevel level) {
    super.persist(level);
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist() {
    super.unpersist();
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist(boolean blocking) {
    super.unpersist(blocking);
    return this;
  }

  @Override
  public PairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return fromRDD(super.filter(f));
  }

  @Override
  public PairRDD<K, V> union(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.union(other));
  }

  @Override
  public PairRDD<K, V> sample(boolean withReplacement, double fraction, long seed) {
    return fromRDD(super.sample(withReplacement, fraction, seed));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions) {
    return fromRDD(super.coalesce(numPartitions));
  }
}
