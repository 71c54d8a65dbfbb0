package io.kindling.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineageNodesTest {

  /** Computes partitions directly, reading parents through compute: enough for narrow lineage. */
  private static final TaskContext DIRECT = new TaskContext() {
    @Override
    public long jobId() {
      return 0;
    }

    @Override
    public int stageId() {
      return 0;
    }

    @Override
    public int partitionId() {
      return 0;
    }

    @Override
    public int attemptNumber() {
      return 0;
    }

    @Override
    public <T> Iterator<T> iterator(LineageNode<T> node, int partition) throws Exception {
      return node.compute(partition, this);
    }

    @Override
    public <K, C> Iterator<io.kindling.Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> dependency,
        int reducePartition) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onTaskCompletion(AutoCloseable resource) {}

    @Override
    public AccumulatorUpdates accumulatorUpdates() {
      return new AccumulatorUpdates();
    }
  };

  private static <T> List<List<T>> partitions(LineageNode<T> node) throws Exception {
    List<List<T>> parts = new ArrayList<>();
    for (int p = 0; p < node.numPartitions(); p++) {
      List<T> part = new ArrayList<>();
      node.compute(p, DIRECT).forEachRemaining(part::add);
      parts.add(part);
    }
    return parts;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void parallelCollection_slicesAsSparkDoes() throws Exception {
    // Spark: sc.parallelize(1 to 10, 3).glom().collect() == [[1,2,3],[4,5,6],[7,8,9,10]]
    assertThat(partitions(new ParallelCollectionNode<>(0, "p", range(1, 11), 3)))
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9, 10));
  }

  @Test
  void parallelCollection_morePartitionsThanElements_leavesSomeEmpty() throws Exception {
    assertThat(partitions(new ParallelCollectionNode<>(0, "p", List.of(1, 2), 4)))
        .containsExactly(List.of(), List.of(1), List.of(), List.of(2));
  }

  @Test
  void parallelCollection_empty_givesEmptyPartitions() throws Exception {
    assertThat(partitions(new ParallelCollectionNode<>(0, "p", List.of(), 3)))
        .containsExactly(List.of(), List.of(), List.of());
  }

  @Test
  void parallelCollection_copiesTheInput() throws Exception {
    List<Integer> data = new ArrayList<>(List.of(1, 2));
    ParallelCollectionNode<Integer> node = new ParallelCollectionNode<>(0, "p", data, 1);
    data.add(3);
    assertThat(partitions(node)).containsExactly(List.of(1, 2));
  }

  @Test
  void parallelCollection_locator_namesEachSlicesHostsOnTheDriverOnly() throws Exception {
    ParallelCollectionNode<String> node = new ParallelCollectionNode<>(0, "p", List.of("h1", "h2", "h3"), 2,
        slice -> slice.stream().map(h -> h + ".example").toList());

    assertThat(node.preferredLocations(0)).containsExactly("h1.example");
    assertThat(node.preferredLocations(1)).containsExactly("h2.example", "h3.example");
    @SuppressWarnings("unchecked")
    ParallelCollectionNode<String> shipped = (ParallelCollectionNode<String>) io.kindling.internal.JavaSerialization
        .fromBytes(io.kindling.internal.JavaSerialization.toBytes(node));
    assertThat(shipped.preferredLocations(1)).isEmpty();
    assertThat(new ParallelCollectionNode<>(0, "p", List.of(1), 1).preferredLocations(0)).isEmpty();
  }

  @Test
  void parallelCollection_nonPositiveSlices_fail() {
    assertThatThrownBy(() -> new ParallelCollectionNode<>(0, "p", List.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Positive number of partitions required");
  }

  @Test
  void coalesce_groupsNeighboursAsSparkDoes() throws Exception {
    CoalesceNode<Integer> node = new CoalesceNode<>(1, "c", new ParallelCollectionNode<>(0, "p", range(0, 5), 5), 2);
    assertThat(partitions(node)).containsExactly(List.of(0, 1), List.of(2, 3, 4));
    assertThat(((GroupDependency) node.dependencies().get(0)).parentPartitions(1)).containsExactly(2, 3, 4);
  }

  @Test
  void coalesce_toMoreThanThereAre_keepsTheCount() throws Exception {
    CoalesceNode<Integer> node = new CoalesceNode<>(1, "c", new ParallelCollectionNode<>(0, "p", range(0, 3), 3), 10);
    assertThat(partitions(node)).containsExactly(List.of(0), List.of(1), List.of(2));
  }

  @Test
  void coalesce_zero_failsAsSparkDoes() {
    assertThatThrownBy(() -> new CoalesceNode<>(1, "c", new ParallelCollectionNode<>(0, "p", range(0, 3), 3), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Number of partitions (0) must be positive.");
  }

  @Test
  void union_placesPartitionsSideBySide() throws Exception {
    ParallelCollectionNode<Integer> a = new ParallelCollectionNode<>(0, "p", range(0, 4), 2);
    ParallelCollectionNode<Integer> b = new ParallelCollectionNode<>(1, "p", range(10, 13), 3);
    UnionNode<Integer> union = new UnionNode<>(2, "u", List.of(a, b));
    assertThat(partitions(union)).containsExactly(List.of(0, 1), List.of(2, 3), List.of(10), List.of(11),
        List.of(12));
    RangeDependency second = (RangeDependency) union.dependencies().get(1);
    assertThat(second.parentPartitions(3)).containsExactly(1);
    assertThat(second.parentPartitions(0)).isEmpty();
  }

  @Test
  void mapPartitions_passesThePartitionIndex() throws Exception {
    MapPartitionsNode<Integer, String> node = new MapPartitionsNode<>(1, "m",
        new ParallelCollectionNode<>(0, "p", range(0, 4), 2),
        (p, it) -> List.of(p + ":" + it.next()).iterator());
    assertThat(partitions(node)).containsExactly(List.of("0:0"), List.of("1:2"));
  }

  @Test
  void emptyNode_hasNoPartitions() {
    assertThat(new EmptyNode<>(0, "e").numPartitions()).isZero();
  }

  @Test
  void describe_namesKindIdAndCallSite() {
    assertThat(new ParallelCollectionNode<>(3, "parallelize at A.java:5", List.of(), 1).describe())
        .isEqualTo("ParallelCollectionRDD[3] at parallelize at A.java:5");
  }

  @Test
  void accumulatorUpdates_sumAndCountPerId() {
    AccumulatorUpdates u = new AccumulatorUpdates();
    assertThat(u.isEmpty()).isTrue();
    u.addLong(1, 5);
    u.addLong(1, 7);
    u.addDouble(2, 0.5);
    assertThat(u.longs().get(1L)).containsExactly(12, 2);
    assertThat(u.doubles().get(2L)).containsExactly(0.5, 1.0);
    assertThat(u.isEmpty()).isFalse();
  }

  @Test
  void userCodeException_wrapsCheckedOnlyAndUnwraps() {
    RuntimeException unchecked = new IllegalStateException("x");
    assertThat(UserCodeException.wrap(unchecked)).isSameAs(unchecked);
    Exception checked = new java.io.IOException("y");
    RuntimeException wrapped = UserCodeException.wrap(checked);
    assertThat(wrapped).isInstanceOf(UserCodeException.class);
    assertThat(UserCodeException.unwrap(wrapped)).isSameAs(checked);
    assertThat(UserCodeException.unwrap(new UserCodeException(wrapped))).isSameAs(checked);
  }
}
