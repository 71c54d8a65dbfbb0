package io.kindling.rdd;

import static java.util.Objects.requireNonNull;

import io.kindling.HashPartitioner;
import io.kindling.Partitioner;
import io.kindling.Tuple2;
import io.kindling.function.FlatMapFunction;
import io.kindling.function.Function;
import io.kindling.function.Function2;
import io.kindling.function.PairFlatMapFunction;
import io.kindling.function.PairFunction;
import io.kindling.function.VoidFunction;
import io.kindling.internal.CallSites;
import io.kindling.internal.Iterators;
import io.kindling.internal.SessionContext;
import io.kindling.internal.ZeroValue;
import io.kindling.internal.lineage.CartesianNode;
import io.kindling.internal.lineage.CoalesceNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.PartitionTransform;
import io.kindling.internal.lineage.UnionNode;
import io.kindling.internal.lineage.UserCodeException;
import io.kindling.spi.TextOutput;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * A resilient distributed dataset: an immutable, partitioned collection defined by its lineage.
 * Transformations are lazy and return a new RDD; actions run a job and return a result to the driver.
 *
 * @param <T> the element type
 */
public class RDD<T> {
  final SessionContext context;
  final LineageNode<T> node;

  /** Internal: datasets are made by the session and by transformations. */
  public RDD(SessionContext context, LineageNode<T> node) {
    this.context = requireNonNull(context, "context is null");
    this.node = requireNonNull(node, "node is null");
  }

  // ---------------------------------------------------------------- information

  /** Unique within the session. */
  public int id() {
    return node.id();
  }

  public int getNumPartitions() {
    return node.numPartitions();
  }

  /** {@link StorageLevel#NONE} unless persisted. */
  public StorageLevel getStorageLevel() {
    return context.storage().level(node.id());
  }

  /** Internal: this dataset's lineage node. */
  public LineageNode<T> lineage() {
    return node;
  }

  /** Internal: the session context. */
  public SessionContext sessionContext() {
    return context;
  }

  /** The lineage, one line per dataset, shuffle boundaries indented as stages, as Spark prints it. */
  public String toDebugString() {
    return DebugString.of(node, n -> context.storage().level(n.id()), context.storage()::substitute);
  }

  @Override
  public String toString() {
    return node.describe();
  }

  // ---------------------------------------------------------------- persistence

  /** Keeps this dataset's partitions in memory once computed ({@link StorageLevel#MEMORY_ONLY}). Lazy. */
  public RDD<T> cache() {
    return persist(StorageLevel.MEMORY_ONLY);
  }

  /**
   * Keeps this dataset's partitions at {@code level} once computed, so later jobs read them instead of computing
   * them again; a lost or evicted partition is recomputed from lineage. Lazy: marks this dataset and returns it.
   * Fails when the dataset already has another level (unpersist it first), as Spark does.
   */
  public RDD<T> persist(StorageLevel level) {
    requireNonNull(level, "level is null");
    context.backend("persist");
    context.storage().persist(node.id(), level, toString());
    return this;
  }

  /** Forgets this dataset's cached partitions, without waiting for them to be removed. Returns this dataset. */
  public RDD<T> unpersist() {
    return unpersist(false);
  }

  /** Forgets this dataset's cached partitions; waits until they are removed when {@code blocking}. */
  public RDD<T> unpersist(boolean blocking) {
    if (context.storage().unpersist(node.id()) && !context.isStopped()) {
      context.backend("unpersist").unpersist(node.id(), blocking);
    }
    return this;
  }

  /**
   * Marks this dataset to be saved to {@code kindling.checkpoint.dir} after the next job that computes it; from
   * then on its lineage is cut there, and it is read back from the files. Persist it too, or the checkpoint job
   * computes it once more. Lazy. Fails at once when no checkpoint directory is set.
   */
  public void checkpoint() {
    context.backend("checkpoint");
    context.checkpointDirectory();
    context.storage().markForCheckpoint(node);
  }

  /** True once this dataset was written by {@link #checkpoint()}. */
  public boolean isCheckpointed() {
    return context.storage().isCheckpointed(node.id());
  }

  /** The directory this dataset was checkpointed to, once it was. */
  public Optional<String> getCheckpointFile() {
    return context.storage().checkpointFile(node.id());
  }

  // ---------------------------------------------------------------- narrow transformations

  /** Applies {@code f} to each element. Lazy; no shuffle. */
  public <R> RDD<R> map(Function<T, R> f) {
    requireNonNull(f, "f is null");
    return derive("map", (p, it) -> Iterators.map(it, f));
  }

  /** Applies {@code f} to each element and flattens the results. Lazy; no shuffle. */
  public <R> RDD<R> flatMap(FlatMapFunction<T, R> f) {
    requireNonNull(f, "f is null");
    return derive("flatMap", (p, it) -> Iterators.flatMap(it, f));
  }

  /** Keeps the elements for which {@code f} returns true. Lazy; no shuffle; keeps the partitioner. */
  public RDD<T> filter(Function<T, Boolean> f) {
    requireNonNull(f, "f is null");
    return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("filter"), node,
        (p, it) -> Iterators.filter(it, f), true, "MapPartitionsRDD"));
  }

  /** Transforms each partition as a whole. Lazy; no shuffle. */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
    return mapPartitions(f, false);
  }

  /** Transforms each partition as a whole; {@code preservesPartitioning} keeps a key partitioner. Lazy. */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
    requireNonNull(f, "f is null");
    return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("mapPartitions"), node,
        (p, it) -> f.call(it), preservesPartitioning, "MapPartitionsRDD"));
  }

  /** Transforms each partition, given its index. Lazy; no shuffle. */
  public <R> RDD<R> mapPartitionsWithIndex(Function2<Integer, Iterator<T>, Iterator<R>> f) {
    return mapPartitionsWithIndex(f, false);
  }

  /** Transforms each partition, given its index. Lazy; no shuffle. */
  public <R> RDD<R> mapPartitionsWithIndex(Function2<Integer, Iterator<T>, Iterator<R>> f,
      boolean preservesPartitioning) {
    requireNonNull(f, "f is null");
    return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(),
        CallSites.of("mapPartitionsWithIndex"), node, (p, it) -> f.call(p, it), preservesPartitioning,
        "MapPartitionsRDD"));
  }

  /** Makes a pair of each element. Lazy; no shuffle. */
  public <K, V> PairRDD<K, V> mapToPair(PairFunction<T, K, V> f) {
    requireNonNull(f, "f is null");
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("mapToPair"), node,
        (p, it) -> Iterators.map(it, f::call)));
  }

  /** Makes zero or more pairs of each element. Lazy; no shuffle. */
  public <K, V> PairRDD<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    requireNonNull(f, "f is null");
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("flatMapToPair"),
        node, (p, it) -> Iterators.flatMap(it, f::call)));
  }

  /** Pairs each element with the key {@code f} computes: {@code (f(x), x)}. Lazy; no shuffle. */
  public <K> PairRDD<K, T> keyBy(Function<T, K> f) {
    requireNonNull(f, "f is null");
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("keyBy"), node,
        (p, it) -> Iterators.map(it, x -> Tuple2.of(f.call(x), x))));
  }

  /** The elements of both datasets (duplicates kept); partitions side by side. Lazy; no shuffle. */
  public RDD<T> union(RDD<T> other) {
    requireNonNull(other, "other is null");
    requireSameSession(other, "union");
    return new RDD<>(context, new UnionNode<>(context.nextNodeId(), CallSites.of("union"),
        List.of(node, other.node)));
  }

  /**
   * A random sample: without replacement each element is kept with probability {@code fraction}; with
   * replacement each element appears a Poisson({@code fraction}) number of times. The same seed gives the
   * same sample. Lazy; no shuffle.
   */
  public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
    Sampling.checkFraction(withReplacement, fraction);
    return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("sample"), node,
        Sampling.sampler(withReplacement, fraction, seed), true, "PartitionwiseSampledRDD"));
  }

  /**
   * At most {@code numPartitions} partitions, made by concatenating neighbouring ones without a shuffle;
   * asking for more partitions than there are leaves the count unchanged. Lazy.
   */
  public RDD<T> coalesce(int numPartitions) {
    return new RDD<>(context, new CoalesceNode<>(context.nextNodeId(), CallSites.of("coalesce"), node,
        numPartitions));
  }

  /**
   * Pairs each element with its index in the dataset's order (partition by partition). Runs a job at once
   * to count the elements of every partition but the last, as Spark does.
   */
  public PairRDD<T, Long> zipWithIndex() {
    int n = node.numPartitions();
    long[] starts = new long[Math.max(n, 1)];
    if (n > 1) {
      int[] allButLast = IntStream.range(0, n - 1).toArray();
      List<Long> counts = context.runJob(node, allButLast, (ctx, it) -> countOf(it), "zipWithIndex");
      for (int i = 1; i < n; i++) {
        starts[i] = starts[i - 1] + counts.get(i - 1);
      }
    }
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("zipWithIndex"),
        node, (PartitionTransform<T, Tuple2<T, Long>>) (p, it) -> indexed(it, starts[p]), false,
        "ZippedWithIndexRDD"));
  }

  // Static: an anonymous class made in an instance method would capture this RDD, which is not serializable.
  private static <T> Iterator<Tuple2<T, Long>> indexed(Iterator<T> it, long start) {
    return new Iterator<>() {
      private long index = start;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Tuple2<T, Long> next() {
        return Tuple2.of(it.next(), index++);
      }
    };
  }

  /** Each partition as one list. Lazy; no shuffle. */
  public RDD<List<T>> glom() {
    return derive("glom", (p, it) -> List.of((List<T>) toList(it)).iterator());
  }

  // ---------------------------------------------------------------- actions

  /** All elements, in partition order. Action: every element travels to the driver. */
  public List<T> collect() {
    return flatten(context.runJob(node, (ctx, it) -> toList(it), "collect"));
  }

  /** {@link #collect()} without waiting: completes when the job ends, on a pool thread (never the runtime's). */
  public CompletionStage<List<T>> collectAsync() {
    return context.submitJob(node, allPartitions(), (ctx, it) -> toList(it), "collectAsync")
        // The runtime completes jobs on its dispatcher: hand over to a pool thread, so that callbacks the caller
        // attaches (which may block) never run there.
        .whenCompleteAsync((parts, error) -> { })
        .thenApply(RDD::flatten)
        .exceptionallyCompose(t -> java.util.concurrent.CompletableFuture.failedFuture(
            SessionContext.rethrowable(t)));
  }

  /** The number of elements. Action. */
  public long count() {
    long total = 0;
    for (long c : context.runJob(node, (ctx, it) -> countOf(it), "count")) {
      total += c;
    }
    return total;
  }

  /** The first element; fails with "empty collection" when there is none. Action. */
  public T first() {
    List<T> one = take(1, "first");
    if (one.isEmpty()) {
      throw new UnsupportedOperationException("empty collection");
    }
    return one.get(0);
  }

  /**
   * The first {@code num} elements. Action that scans partitions incrementally, as Spark does: one partition
   * first, then more only if needed, so {@code take(1)} of a large input reads little of it.
   */
  public List<T> take(int num) {
    return take(num, "take");
  }

  private List<T> take(int num, String action) {
    List<T> buffer = new ArrayList<>();
    int total = node.numPartitions();
    int scanned = 0;
    while (buffer.size() < num && scanned < total) {
      int toTry = 1;
      if (scanned > 0) {
        // Spark's scale-up: quadruple after an empty scan, otherwise estimate from what was found.
        toTry = buffer.isEmpty() ? scanned * 4
            : Math.max(1, Math.min((int) (1.5 * num * scanned / buffer.size()) - scanned, scanned * 4));
      }
      int left = num - buffer.size();
      int[] parts = IntStream.range(scanned, Math.min(scanned + toTry, total)).toArray();
      List<List<T>> results = context.runJob(node, parts, (ctx, it) -> takeFrom(it, left), action);
      for (List<T> r : results) {
        for (T x : r) {
          if (buffer.size() < num) {
            buffer.add(x);
          }
        }
      }
      scanned += parts.length;
    }
    return buffer;
  }

  /**
   * {@code num} elements sampled at random (with or without replacement), the same for the same seed.
   * Action: counts the dataset, then samples it, repeating in the rare case the sample came out short.
   */
  public List<T> takeSample(boolean withReplacement, int num, long seed) {
    return Sampling.takeSample(this, withReplacement, num, seed);
  }

  /** The {@code num} smallest elements by {@code comparator} (which must be serializable), in order. Action. */
  public List<T> takeOrdered(int num, Comparator<T> comparator) {
    requireNonNull(comparator, "comparator is null");
    if (num < 0) {
      throw new IllegalArgumentException("num must not be negative: " + num);
    }
    if (num == 0 || node.numPartitions() == 0) {
      return List.of();
    }
    List<List<T>> tops = context.runJob(node, (ctx, it) -> TopK.smallest(it, num, comparator), "takeOrdered");
    List<T> merged = flatten(tops);
    merged.sort(comparator);
    return new ArrayList<>(merged.subList(0, Math.min(num, merged.size())));
  }

  /** The {@code num} smallest elements in natural order. Action. */
  @SuppressWarnings("unchecked")
  public List<T> takeOrdered(int num) {
    return takeOrdered(num, (Comparator<T>) Comparator.naturalOrder());
  }

  /** The {@code num} largest elements by {@code comparator}, largest first. Action. */
  public List<T> top(int num, Comparator<T> comparator) {
    requireNonNull(comparator, "comparator is null");
    return takeOrdered(num, comparator.reversed());
  }

  /** The {@code num} largest elements in natural order, largest first. Action. */
  @SuppressWarnings("unchecked")
  public List<T> top(int num) {
    return takeOrdered(num, (Comparator<T>) Comparator.reverseOrder());
  }

  /** Combines all elements with an associative, commutative {@code f}; fails on an empty dataset. Action. */
  public T reduce(Function2<T, T, T> f) {
    requireNonNull(f, "f is null");
    List<Optional<T>> parts = context.runJob(node, (ctx, it) -> {
      if (!it.hasNext()) {
        return Optional.<T>empty();
      }
      T acc = it.next();
      while (it.hasNext()) {
        acc = f.call(acc, it.next());
      }
      return Optional.ofNullable(acc);
    }, "reduce");
    T result = null;
    boolean any = false;
    for (Optional<T> part : parts) {
      if (part.isPresent()) {
        result = any ? call(f, result, part.get()) : part.get();
        any = true;
      }
    }
    if (!any) {
      throw new UnsupportedOperationException("empty collection");
    }
    return result;
  }

  /**
   * Folds each partition starting from a copy of {@code zeroValue}, then folds the partition results, as
   * Spark does ({@code zeroValue} must be an identity of {@code f}). Action.
   */
  public T fold(T zeroValue, Function2<T, T, T> f) {
    requireNonNull(f, "f is null");
    ZeroValue<T> zero = ZeroValue.of(zeroValue, "fold");
    List<T> parts = context.runJob(node, (ctx, it) -> {
      T acc = zero.copy();
      while (it.hasNext()) {
        acc = f.call(acc, it.next());
      }
      return acc;
    }, "fold");
    T result = zero.copy();
    for (T part : parts) {
      result = call(f, result, part);
    }
    return result;
  }

  /** Aggregates each partition with {@code seqOp} from {@code zeroValue}, then merges with {@code combOp}. Action. */
  public <U> U aggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    requireNonNull(seqOp, "seqOp is null");
    requireNonNull(combOp, "combOp is null");
    ZeroValue<U> zero = ZeroValue.of(zeroValue, "aggregate");
    List<U> parts = context.runJob(node, (ctx, it) -> {
      U acc = zero.copy();
      while (it.hasNext()) {
        acc = seqOp.call(acc, it.next());
      }
      return acc;
    }, "aggregate");
    U result = zero.copy();
    for (U part : parts) {
      result = call(combOp, result, part);
    }
    return result;
  }

  /** Calls {@code f} on every element, on the nodes. Action. */
  public void foreach(VoidFunction<T> f) {
    requireNonNull(f, "f is null");
    context.runJob(node, (ctx, it) -> {
      while (it.hasNext()) {
        f.call(it.next());
      }
      return Boolean.TRUE;
    }, "foreach");
  }

  /** Calls {@code f} once per partition with its elements, on the nodes. Action. */
  public void foreachPartition(VoidFunction<Iterator<T>> f) {
    requireNonNull(f, "f is null");
    context.runJob(node, (ctx, it) -> {
      f.call(it);
      return Boolean.TRUE;
    }, "foreachPartition");
  }

  /** How many times each distinct element occurs. Action: counted per partition, merged on the driver. */
  public Map<T, Long> countByValue() {
    List<HashMap<T, Long>> parts = context.runJob(node, (ctx, it) -> {
      HashMap<T, Long> counts = new HashMap<>();
      while (it.hasNext()) {
        counts.merge(it.next(), 1L, Long::sum);
      }
      return counts;
    }, "countByValue");
    Map<T, Long> total = new HashMap<>();
    for (Map<T, Long> part : parts) {
      part.forEach((k, v) -> total.merge(k, v, Long::sum));
    }
    return total;
  }

  /** True when there is no element. Action (reads as little as {@code take(1)}). */
  public boolean isEmpty() {
    return node.numPartitions() == 0 || take(1, "isEmpty").isEmpty();
  }

  /**
   * Writes each element's {@code toString()} as a line, one {@code part-NNNNN} file per partition plus a
   * {@code _SUCCESS} marker. Atomic: written to a temporary directory and renamed into place, so a failed job
   * leaves nothing at {@code path}. Fails at once if {@code path} exists. Action.
   */
  @SuppressWarnings("unchecked")
  public void saveAsTextFile(String path) {
    requireNonNull(path, "path is null");
    TextOutput output = context.backend("saveAsTextFile").io().createTextOutput(path);
    try {
      context.runJob((LineageNode<Object>) node, output.partWriter(), "saveAsTextFile");
      output.commit();
    } catch (RuntimeException | Error e) {
      output.abort();
      throw e;
    }
  }

  // ---------------------------------------------------------------- wide transformations (shuffles)

  /** How this dataset's elements are partitioned by key, when they are (the output of a shuffle by key). */
  public Optional<Partitioner> partitioner() {
    return node.partitioner();
  }

  /**
   * At most {@code numPartitions} partitions; with {@code shuffle} true, exactly {@code numPartitions},
   * made by a shuffle that spreads the elements evenly (so it can also add partitions). Lazy.
   */
  public RDD<T> coalesce(int numPartitions, boolean shuffle) {
    return shuffle ? repartition(numPartitions) : coalesce(numPartitions);
  }

  /**
   * Exactly {@code numPartitions} partitions with the elements spread evenly (round-robin from a random start
   * in each input partition, as Spark does). Lazy; shuffles every element.
   */
  public RDD<T> repartition(int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
    PairRDD<Integer, T> positioned = new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(),
        CallSites.of("repartition"), node, (PartitionTransform<T, Tuple2<Integer, T>>) (p, it) -> {
          int[] position = {new Random(p * 0x9E3779B97F4A7C15L).nextInt(numPartitions)};
          return Iterators.map(it, x -> Tuple2.of(position[0]++, x));
        }));
    return Shuffles.<Integer, T, T>shuffled(positioned, new HashPartitioner(numPartitions), null, false, null,
        "repartition").values("repartition");
  }

  /** The distinct elements (by {@code equals}), in as many partitions as this dataset. Lazy; shuffles. */
  public RDD<T> distinct() {
    return distinct(getNumPartitions());
  }

  /**
   * The distinct elements (by {@code equals}) in {@code numPartitions} partitions. Lazy; shuffles, combining
   * duplicates on the map side; a dataset already partitioned by key into as many partitions is deduplicated
   * in place.
   */
  public RDD<T> distinct(int numPartitions) {
    if (node.partitioner().isPresent() && numPartitions == getNumPartitions()) {
      return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("distinct"), node,
          (PartitionTransform<T, T>) (p, it) -> new LinkedHashSet<>(toList(it)).iterator(), true,
          "MapPartitionsRDD"));
    }
    Function2<Object, Object, Object> keepFirst = (a, b) -> a;
    PairRDD<T, Object> pairs = asKeys("distinct");
    return pairs.reduceByKey(keepFirst, numPartitions).keys("distinct");
  }

  /**
   * The distinct elements present in both datasets. Lazy; shuffles both (with the default partitioner of the
   * two).
   */
  public RDD<T> intersection(RDD<T> other) {
    requireNonNull(other, "other is null");
    return intersection(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #intersection(RDD)} into {@code numPartitions} hash partitions. */
  public RDD<T> intersection(RDD<T> other, int numPartitions) {
    return intersection(other, new HashPartitioner(numPartitions));
  }

  /** {@link #intersection(RDD)} into the partitions of {@code partitioner}. */
  public RDD<T> intersection(RDD<T> other, Partitioner partitioner) {
    requireNonNull(other, "other is null");
    requireSameSession(other, "intersection");
    PairRDD<T, List<Object>[]> grouped = Shuffles.cogroup(
        List.of(asKeys("intersection"), other.asKeys("intersection")), partitioner, "intersection");
    return grouped.filter(t -> !t._2()[0].isEmpty() && !t._2()[1].isEmpty()).keys("intersection");
  }

  /**
   * The elements of this dataset that are not in {@code other} (duplicates kept), in as many partitions as
   * this dataset. Lazy; shuffles both.
   */
  public RDD<T> subtract(RDD<T> other) {
    return subtract(other, node.partitioner().orElseGet(() -> new HashPartitioner(getNumPartitions())));
  }

  /** {@link #subtract(RDD)} into {@code numPartitions} hash partitions. */
  public RDD<T> subtract(RDD<T> other, int numPartitions) {
    return subtract(other, new HashPartitioner(numPartitions));
  }

  /** {@link #subtract(RDD)} into the partitions of {@code partitioner}. */
  public RDD<T> subtract(RDD<T> other, Partitioner partitioner) {
    requireNonNull(other, "other is null");
    requireSameSession(other, "subtract");
    return asKeys("subtract").subtractByKey(other.asKeys("subtract"), partitioner).keys("subtract");
  }

  /**
   * The elements grouped by the key {@code f} computes: {@code (key, elements)}. Lazy; shuffles every element.
   */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f) {
    return keyBy(f).groupByKey(Shuffles.defaultPartitioner(this));
  }

  /** {@link #groupBy(Function)} into {@code numPartitions} hash partitions. */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f, int numPartitions) {
    return keyBy(f).groupByKey(numPartitions);
  }

  /** {@link #groupBy(Function)} into the partitions of {@code partitioner}. */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f, Partitioner partitioner) {
    return keyBy(f).groupByKey(partitioner);
  }

  /**
   * Every pair {@code (a, b)} of an element of this dataset and one of {@code other}; {@code n * m} partitions.
   * Lazy; no shuffle, but each task reads a partition of each input.
   */
  public <U> PairRDD<T, U> cartesian(RDD<U> other) {
    requireNonNull(other, "other is null");
    requireSameSession(other, "cartesian");
    return new PairRDD<>(context, new CartesianNode<>(context.nextNodeId(), CallSites.of("cartesian"), node,
        other.node));
  }

  /**
   * The elements sorted by the key {@code f} computes (natural order), in about {@code numPartitions}
   * partitions, each sorted and all in order. Runs a job at once to sample the keys (as Spark does), then is
   * lazy; shuffles.
   */
  public <K> RDD<T> sortBy(Function<T, K> f, boolean ascending, int numPartitions) {
    return keyBy(f).sortByKey(ascending, numPartitions).values("sortBy");
  }

  /** {@code (element, null)} pairs, so that the by-key operations work on whole elements. */
  private PairRDD<T, Object> asKeys(String operation) {
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation), node,
        (PartitionTransform<T, Tuple2<T, Object>>) (p, it) -> Iterators.map(it, x -> Tuple2.of(x, null))));
  }

  // ---------------------------------------------------------------- helpers

  <R> RDD<R> derive(String operation, PartitionTransform<T, R> transform) {
    return new RDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation), node,
        transform));
  }

  void requireSameSession(RDD<?> other, String operation) {
    if (other.context != context) {
      throw new IllegalArgumentException(operation + " of datasets from different sessions: " + this
          + " and " + other);
    }
  }

  int[] allPartitions() {
    return IntStream.range(0, node.numPartitions()).toArray();
  }

  static <T> ArrayList<T> toList(Iterator<T> it) {
    ArrayList<T> list = new ArrayList<>();
    while (it.hasNext()) {
      list.add(it.next());
    }
    return list;
  }

  static <T> List<T> takeFrom(Iterator<T> it, int n) {
    ArrayList<T> list = new ArrayList<>(Math.min(n, 1024));
    while (list.size() < n && it.hasNext()) {
      list.add(it.next());
    }
    return list;
  }

  static long countOf(Iterator<?> it) {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  static <T> List<T> flatten(List<? extends List<T>> parts) {
    int size = 0;
    for (List<T> p : parts) {
      size += p.size();
    }
    List<T> all = new ArrayList<>(size);
    for (List<T> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  static <A, B, R> R call(Function2<A, B, R> f, A a, B b) {
    try {
      return f.call(a, b);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }
}
