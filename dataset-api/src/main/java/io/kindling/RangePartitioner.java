package io.kindling;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.NaturalOrder;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.rdd.RDD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places keys in sorted ranges, so that partition {@code i}'s keys all sort before partition {@code i+1}'s
 * ({@code sortByKey}, {@code sortBy}). The range bounds are chosen, as Spark does, from a sample of the keys of
 * the dataset to be partitioned, weighted by partition size, so that the ranges hold about equally many
 * records. Building one runs a job that samples the dataset.
 *
 * <p>There may be fewer partitions than asked for when the dataset has few distinct keys (as in Spark). The
 * bounds travel with the lineage: keys must be {@link java.io.Serializable}, and so must the ordering.
 *
 * @param <K> the key type
 */
public final class RangePartitioner<K> extends Partitioner {
  private static final long serialVersionUID = 1L;
  private static final int SAMPLE_POINTS_PER_PARTITION = 20;
  private static final int LINEAR_SEARCH_LIMIT = 128;

  private final Object[] bounds;
  private final Comparator<? super K> ordering;
  private final boolean ascending;
  /** The bounds as primitives, when that is how they compare (made on first use on each node); or NONE. */
  private transient PrimitiveBounds primitive;

  /** Ranges in natural key order over {@code partitions} partitions, sampled from {@code rdd}. Runs a job. */
  public RangePartitioner(int partitions, RDD<? extends Tuple2<K, ?>> rdd, boolean ascending) {
    this(partitions, rdd, ascending, NaturalOrder.get());
  }

  /** Ranges in {@code ordering} over {@code partitions} partitions, sampled from {@code rdd}. Runs a job. */
  public RangePartitioner(int partitions, RDD<? extends Tuple2<K, ?>> rdd, boolean ascending,
      Comparator<? super K> ordering) {
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "Number of partitions cannot be negative but found " + partitions + ".");
    }
    requireNonNull(rdd, "rdd is null");
    this.ordering = requireNonNull(ordering, "ordering is null");
    this.ascending = ascending;
    this.bounds = partitions <= 1 || rdd.getNumPartitions() == 0 ? new Object[0]
        : sampledBounds(partitions, rdd, ordering);
  }

  /** A partitioner with the given bounds (sorted by {@code ordering}); for tests and internal use. */
  public static <K> RangePartitioner<K> withBounds(List<K> bounds, Comparator<? super K> ordering,
      boolean ascending) {
    return new RangePartitioner<>(bounds.toArray(), ordering, ascending);
  }

  private RangePartitioner(Object[] bounds, Comparator<? super K> ordering, boolean ascending) {
    this.bounds = bounds.clone();
    this.ordering = requireNonNull(ordering, "ordering is null");
    this.ascending = ascending;
  }

  @Override
  public int numPartitions() {
    return bounds.length + 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getPartition(Object key) {
    PrimitiveBounds p = primitive;
    if (p == null) {
      p = PrimitiveBounds.of(bounds, ordering);
      primitive = p;
    }
    if (p != PrimitiveBounds.NONE && key != null && key.getClass() == p.type) {
      int partition = p.countBelow(key);
      return ascending ? partition : bounds.length - partition;
    }
    K k = (K) key;
    int partition = 0;
    if (bounds.length <= LINEAR_SEARCH_LIMIT) {
      while (partition < bounds.length && ordering.compare(k, (K) bounds[partition]) > 0) {
        partition++;
      }
    } else {
      int lo = 0;
      int hi = bounds.length;
      // First bound >= key: keys equal to a bound go to the partition that bound closes, as with the scan.
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ordering.compare(k, (K) bounds[mid]) > 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      partition = lo;
    }
    return ascending ? partition : bounds.length - partition;
  }

  /**
   * Natural-order bounds that are all Long, all Integer or all Double, as longs whose signed order is theirs
   * ({@code Double.compare} order for doubles): a key of the same class finds its partition without comparing
   * boxed objects, with the same result.
   */
  private static final class PrimitiveBounds {
    static final PrimitiveBounds NONE = new PrimitiveBounds(null, new long[0]);

    final Class<?> type;
    private final long[] sorted;

    private PrimitiveBounds(Class<?> type, long[] sorted) {
      this.type = type;
      this.sorted = sorted;
    }

    static PrimitiveBounds of(Object[] bounds, Comparator<?> ordering) {
      if (ordering != NaturalOrder.ASCENDING || bounds.length == 0 || bounds[0] == null) {
        return NONE;
      }
      Class<?> type = bounds[0].getClass();
      if (type != Long.class && type != Integer.class && type != Double.class) {
        return NONE;
      }
      long[] sorted = new long[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        if (bounds[i] == null || bounds[i].getClass() != type) {
          return NONE;
        }
        sorted[i] = sortable(bounds[i]);
      }
      return new PrimitiveBounds(type, sorted);
    }

    private static long sortable(Object key) {
      return key instanceof Double d ? NaturalOrder.sortableDouble(d) : ((Number) key).longValue();
    }

    /** How many bounds sort before {@code key} (a key equal to a bound goes to the partition it closes). */
    int countBelow(Object key) {
      long k = sortable(key);
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** The upper bounds of every partition but the last, in key order. */
  @SuppressWarnings("unchecked")
  public List<K> bounds() {
    return (List<K>) Arrays.asList(bounds.clone());
  }

  public boolean ascending() {
    return ascending;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RangePartitioner<?> r && r.ascending == ascending && Arrays.equals(r.bounds, bounds)
        && r.ordering.equals(ordering);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bounds) + (ascending ? 1 : 0);
  }

  @Override
  public String toString() {
    return "RangePartitioner(" + numPartitions() + (ascending ? ", ascending" : ", descending") + ")";
  }

  // ---------------------------------------------------------------- sampling

  /** One partition's sample: its size and up to {@code size} keys drawn uniformly (reservoir sampling). */
  private record Sketch(int partition, long count, Object[] sample) implements java.io.Serializable {}

  @SuppressWarnings("unchecked")
  private static <K> Object[] sampledBounds(int partitions, RDD<? extends Tuple2<K, ?>> rdd,
      Comparator<? super K> ordering) {
    LineageNode<Tuple2<K, ?>> node = (LineageNode<Tuple2<K, ?>>) rdd.lineage();
    int parentPartitions = node.numPartitions();
    double sampleSize = Math.min((double) SAMPLE_POINTS_PER_PARTITION * partitions, 1e6);
    int perPartition = (int) Math.ceil(3.0 * sampleSize / parentPartitions);
    int nodeId = node.id();
    // Each partition is read to the end: the node may keep it for the shuffle that follows, so that the input is
    // not computed twice.
    List<Sketch> sketches = rdd.sessionContext().runJob(node,
        (ctx, it) -> sketch(ctx.partitionId(), ctx.retainForReuse(nodeId, ctx.partitionId(), it), perPartition),
        "sortByKey");
    long total = 0;
    for (Sketch s : sketches) {
      total += s.count();
    }
    if (total == 0) {
      return new Object[0];
    }
    double fraction = Math.min(sampleSize / total, 1.0);
    List<Weighted> candidates = new ArrayList<>();
    List<Integer> imbalanced = new ArrayList<>();
    for (Sketch s : sketches) {
      if (fraction * s.count() > perPartition) {
        imbalanced.add(s.partition());
      } else if (s.sample().length > 0) {
        double weight = (double) s.count() / s.sample().length;
        for (Object key : s.sample()) {
          candidates.add(new Weighted(key, weight));
        }
      }
    }
    if (!imbalanced.isEmpty()) {
      // Partitions much larger than average are sampled again at the global fraction, so they weigh right.
      int[] which = imbalanced.stream().mapToInt(Integer::intValue).toArray();
      double f = fraction;
      List<Object[]> resampled = rdd.sessionContext().runJob(node, which,
          (ctx, it) -> bernoulli(ctx.partitionId(), ctx.retainForReuse(nodeId, ctx.partitionId(), it), f),
          "sortByKey");
      for (Object[] keys : resampled) {
        for (Object key : keys) {
          candidates.add(new Weighted(key, 1.0 / fraction));
        }
      }
    }
    return determineBounds(candidates, Math.min(partitions, candidates.size()), ordering);
  }

  private record Weighted(Object key, double weight) {}

  private static Sketch sketch(int partition, Iterator<? extends Tuple2<?, ?>> it, int size) {
    SplittableRandom random = new SplittableRandom(seedOf(partition));
    Object[] reservoir = new Object[size];
    long count = 0;
    while (it.hasNext()) {
      Object key = it.next()._1();
      if (count < size) {
        reservoir[(int) count] = key;
      } else {
        long j = random.nextLong(count + 1);
        if (j < size) {
          reservoir[(int) j] = key;
        }
      }
      count++;
    }
    return new Sketch(partition, count, count < size ? Arrays.copyOf(reservoir, (int) count) : reservoir);
  }

  private static Object[] bernoulli(int partition, Iterator<? extends Tuple2<?, ?>> it,
      double fraction) {
    SplittableRandom random = new SplittableRandom(seedOf(partition) ^ 0x5DEECE66DL);
    List<Object> kept = new ArrayList<>();
    while (it.hasNext()) {
      Object key = it.next()._1();
      if (random.nextDouble() < fraction) {
        kept.add(key);
      }
    }
    return kept.toArray();
  }

  private static long seedOf(int partition) {
    return 0x9E3779B97F4A7C15L * (partition + 1);
  }

  /** Bounds that cut the weighted, sorted candidates into {@code partitions} parts of equal weight. */
  @SuppressWarnings("unchecked")
  private static <K> Object[] determineBounds(List<Weighted> candidates, int partitions,
      Comparator<? super K> ordering) {
    candidates.sort((a, b) -> ordering.compare((K) a.key(), (K) b.key()));
    double sum = 0;
    for (Weighted w : candidates) {
      sum += w.weight();
    }
    double step = sum / partitions;
    double cumulative = 0;
    double target = step;
    List<Object> bounds = new ArrayList<>();
    Object previous = null;
    boolean hasPrevious = false;
    for (int i = 0; i < candidates.size() && bounds.size() < partitions - 1; i++) {
      Weighted w = candidates.get(i);
      cumulative += w.weight();
      if (cumulative >= target) {
        // Equal keys make one bound only.
        if (!hasPrevious || ordering.compare((K) w.key(), (K) previous) > 0) {
          bounds.add(w.key());
          target += step;
          previous = w.key();
          hasPrevious = true;
        }
      }
    }
    return bounds.toArray();
  }
}
