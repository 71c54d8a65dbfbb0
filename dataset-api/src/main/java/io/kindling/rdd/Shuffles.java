package io.kindling.rdd;

import io.kindling.HashPartitioner;
import io.kindling.Partitioner;
import io.kindling.Tuple2;
import io.kindling.internal.CallSites;
import io.kindling.internal.JavaSerialization;
import io.kindling.internal.SessionContext;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.CoGroupedNode;
import io.kindling.internal.lineage.InMemoryCombine;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.PartitionTransform;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.ShuffledNode;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.internal.lineage.UserCodeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** How the by-key operations build their lineage: shuffles, co-partitioning, and Spark's default partitioner. */
final class Shuffles {
  private Shuffles() {}

  /**
   * Spark's {@code Partitioner.defaultPartitioner}: the partitioner of the input with the most partitions when
   * one is partitioned and it is not much smaller than the largest input, otherwise a hash partitioner over
   * {@code kindling.default-parallelism} partitions when that is set, or over the largest input's count.
   */
  static Partitioner defaultPartitioner(RDD<?> first, RDD<?>... others) {
    List<RDD<?>> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(others));
    RDD<?> withMax = null;
    int maxPartitions = 0;
    for (RDD<?> r : all) {
      maxPartitions = Math.max(maxPartitions, r.getNumPartitions());
      Optional<Partitioner> p = r.node.partitioner();
      if (p.isPresent() && p.get().numPartitions() > 0
          && (withMax == null || r.getNumPartitions() > withMax.getNumPartitions())) {
        withMax = r;
      }
    }
    int configured = first.context.config().getInt("kindling.default-parallelism");
    int defaultCount = configured > 0 ? configured : maxPartitions;
    if (withMax != null) {
      Partitioner p = withMax.node.partitioner().get();
      boolean eligible = Math.log10(maxPartitions) - Math.log10(p.numPartitions()) < 1;
      if (eligible || defaultCount <= p.numPartitions()) {
        return p;
      }
    }
    return new HashPartitioner(Math.max(defaultCount, 1));
  }

  /**
   * Combines values by key into partitions of {@code partitioner}. When the input is already partitioned by
   * an equal partitioner each partition is combined in place (no shuffle); otherwise the records are shuffled,
   * pre-combined on the map side when {@code mapSideCombine}.
   */
  static <K, V, C> PairRDD<K, C> combineByKey(PairRDD<K, V> self, Aggregator<V, C> aggregator,
      Partitioner partitioner, boolean mapSideCombine, String operation) {
    SessionContext context = self.context;
    if (self.node.partitioner().equals(Optional.of(partitioner))) {
      return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation),
          self.node, (PartitionTransform<Tuple2<K, V>, Tuple2<K, C>>) (p, it) -> combineInPlace(it, aggregator),
          true, "MapPartitionsRDD"));
    }
    return shuffled(self, partitioner, aggregator, mapSideCombine, null, operation);
  }

  /** A shuffle of {@code self} by {@code partitioner}, as one {@link ShuffledNode}. */
  static <K, V, C> PairRDD<K, C> shuffled(PairRDD<K, V> self, Partitioner partitioner,
      Aggregator<V, C> aggregator, boolean mapSideCombine, Comparator<K> ordering, String operation) {
    SessionContext context = self.context;
    int shuffleId = context.nextShuffleId();
    ShuffleDependency<K, V, C> dependency = new ShuffleDependency<>(self.node, shuffleId, partitioner, aggregator,
        mapSideCombine, ordering);
    ShuffledNode<K, V, C> node = new ShuffledNode<>(context.nextNodeId(), CallSites.of(operation), dependency);
    context.releaseShuffleWhenUnreachable(node, shuffleId);
    return new PairRDD<>(context, node);
  }

  /** Groups the values of every input by key, partitioned by {@code partitioner}: {@code (k, [vs0, vs1, …])}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K> PairRDD<K, List<Object>[]> cogroup(List<PairRDD<K, ?>> inputs, Partitioner partitioner,
      String operation) {
    SessionContext context = inputs.get(0).context;
    List<LineageNode<? extends Tuple2<K, ?>>> parents = new ArrayList<>();
    int[] shuffleIds = new int[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      PairRDD<K, ?> in = inputs.get(i);
      inputs.get(0).requireSameSession(in, operation);
      parents.add((LineageNode) in.node);
      shuffleIds[i] = context.nextShuffleId();
    }
    CoGroupedNode<K> node = new CoGroupedNode<>(context.nextNodeId(), CallSites.of(operation), parents,
        partitioner, shuffleIds);
    for (int id : node.shuffleIds()) {
      context.releaseShuffleWhenUnreachable(node, id);
    }
    return new PairRDD<>(context, node);
  }

  /** Combines one partition's records by key (the input is already partitioned by key). */
  static <K, V, C> Iterator<Tuple2<K, C>> combineInPlace(Iterator<Tuple2<K, V>> records,
      Aggregator<V, C> aggregator) throws Exception {
    TaskContext context = TaskContext.get();
    return context != null ? context.combineByKey(records, aggregator)
        : InMemoryCombine.combine(records, aggregator);
  }

  /**
   * A fresh copy of a zero value for each key ({@code aggregateByKey}, {@code foldByKey}), so that a mutable
   * zero is never shared between keys; immutable values are used as they are.
   */
  @SuppressWarnings("unchecked")
  static <U> U copyOf(U zero) {
    if (zero == null || zero instanceof String || zero instanceof Number && isImmutableNumber(zero)
        || zero instanceof Boolean || zero instanceof Character || zero instanceof Enum<?>) {
      return zero;
    }
    try {
      return (U) JavaSerialization.fromBytes(JavaSerialization.toBytes(zero));
    } catch (IOException | ClassNotFoundException e) {
      throw new UserCodeException(new IllegalArgumentException("The zero value of class "
          + zero.getClass().getName() + " could not be copied for each key (it must be Serializable): " + e, e));
    }
  }

  private static boolean isImmutableNumber(Object n) {
    return n instanceof Integer || n instanceof Long || n instanceof Double || n instanceof Float
        || n instanceof Short || n instanceof Byte || n instanceof BigInteger || n instanceof BigDecimal;
  }
}
