package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.internal.lineage.CoalesceNode;
import io.kindling.internal.lineage.EmptyNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.UnionNode;
import io.kindling.storage.StorageLevel;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The layout of Spark 3.5's {@code toDebugString()}, line for line. */
class DebugStringTest {

  private static LineageNode<Object> parallelize(int id, int slices) {
    return new ParallelCollectionNode<>(id, "parallelize at X.java:" + (10 + id), List.of(1, 2, 3), slices);
  }

  private static LineageNode<Object> op(int id, String name, LineageNode<?> parent) {
    @SuppressWarnings("unchecked")
    LineageNode<Object> p = (LineageNode<Object>) parent;
    return new MapPartitionsNode<>(id, name + " at X.java:" + (10 + id), p, (i, it) -> it);
  }

  private static String debug(LineageNode<?> node) {
    return DebugString.of(node, n -> StorageLevel.NONE);
  }

  @Test
  void of_source_isOneLine() {
    assertThat(debug(parallelize(0, 2))).isEqualTo("(2) ParallelCollectionRDD[0] at parallelize at X.java:10 []");
  }

  @Test
  void of_narrowChain_continuesTheStageWithABar() {
    assertThat(debug(op(1, "map", parallelize(0, 2)))).isEqualTo("""
        (2) MapPartitionsRDD[1] at map at X.java:11 []
         |  ParallelCollectionRDD[0] at parallelize at X.java:10 []""");
  }

  @Test
  void of_twoDigitPartitionCount_widensThePrefix() {
    assertThat(debug(op(2, "filter", op(1, "map", parallelize(0, 12))))).isEqualTo("""
        (12) MapPartitionsRDD[2] at filter at X.java:12 []
         |   MapPartitionsRDD[1] at map at X.java:11 []
         |   ParallelCollectionRDD[0] at parallelize at X.java:10 []""");
  }

  @Test
  void of_union_listsBothParentsInOneStage() {
    LineageNode<Object> union = new UnionNode<>(2, "union at X.java:12",
        List.of(parallelize(0, 2), parallelize(1, 1)));
    assertThat(debug(union)).isEqualTo("""
        (3) UnionRDD[2] at union at X.java:12 []
         |  ParallelCollectionRDD[0] at parallelize at X.java:10 []
         |  ParallelCollectionRDD[1] at parallelize at X.java:11 []""");
  }

  @Test
  void of_coalesce_isNarrow() {
    assertThat(debug(new CoalesceNode<>(1, "coalesce at X.java:11", parallelize(0, 4), 2))).isEqualTo("""
        (2) CoalescedRDD[1] at coalesce at X.java:11 []
         |  ParallelCollectionRDD[0] at parallelize at X.java:10 []""");
  }

  @Test
  void of_shuffle_opensTheParentStageIndented() {
    LineageNode<Object> pairs = op(2, "mapToPair", op(1, "flatMap", parallelize(0, 4)));
    LineageNode<Object> reduced = new TestShuffleNode(3, "ShuffledRDD", "reduceByKey at X.java:13", 2,
        List.of(pairs));
    assertThat(debug(reduced)).isEqualTo("""
        (2) ShuffledRDD[3] at reduceByKey at X.java:13 []
         +-(4) MapPartitionsRDD[2] at mapToPair at X.java:12 []
            |  MapPartitionsRDD[1] at flatMap at X.java:11 []
            |  ParallelCollectionRDD[0] at parallelize at X.java:10 []""");
  }

  @Test
  void of_twoShuffleParents_indentTheFirstUnderABar() {
    LineageNode<Object> cogrouped = new TestShuffleNode(2, "CoGroupedRDD", "join at X.java:12", 2,
        List.of(parallelize(0, 2), op(1, "map", parallelize(5, 3))));
    LineageNode<Object> joined = op(3, "join", cogrouped);
    assertThat(debug(joined)).isEqualTo("""
        (2) MapPartitionsRDD[3] at join at X.java:13 []
         |  CoGroupedRDD[2] at join at X.java:12 []
         +-(2) ParallelCollectionRDD[0] at parallelize at X.java:10 []
         +-(3) MapPartitionsRDD[1] at map at X.java:11 []
            |  ParallelCollectionRDD[5] at parallelize at X.java:15 []""");
  }

  @Test
  void of_shuffleOfShuffle_nestsDeeper() {
    LineageNode<Object> first = new TestShuffleNode(1, "ShuffledRDD", "groupByKey at X.java:11", 3,
        List.of(parallelize(0, 2)));
    LineageNode<Object> second = new TestShuffleNode(3, "ShuffledRDD", "sortByKey at X.java:13", 2,
        List.of(op(2, "map", first)));
    assertThat(debug(second)).isEqualTo("""
        (2) ShuffledRDD[3] at sortByKey at X.java:13 []
         +-(3) MapPartitionsRDD[2] at map at X.java:12 []
            |  ShuffledRDD[1] at groupByKey at X.java:11 []
            +-(2) ParallelCollectionRDD[0] at parallelize at X.java:10 []""");
  }

  @Test
  void of_persistedNode_showsItsStorageLevel() {
    LineageNode<Object> src = parallelize(0, 2);
    LineageNode<Object> mapped = op(1, "map", src);
    String text = DebugString.of(mapped, n -> n == src ? StorageLevel.MEMORY_ONLY : StorageLevel.NONE);
    assertThat(text).isEqualTo("""
        (2) MapPartitionsRDD[1] at map at X.java:11 []
         |  ParallelCollectionRDD[0] at parallelize at X.java:10 [Memory Deserialized 1x Replicated]""");
  }

  @Test
  void of_emptyRdd_hasZeroPartitions() {
    assertThat(debug(new EmptyNode<>(0, "emptyRDD at X.java:10"))).isEqualTo("(0) EmptyRDD[0] at emptyRDD at X.java:10 []");
  }

  @Test
  void of_longChain_hasOneLinePerDataset() {
    LineageNode<Object> node = parallelize(0, 2);
    for (int i = 1; i <= 20; i++) {
      node = op(i, "map", node);
    }
    String text = debug(node);
    assertThat(text.lines()).hasSize(21);
    assertThat(text.lines().skip(1).collect(Collectors.toList()))
        .allSatisfy(line -> assertThat(line).startsWith(" |  "));
    assertThat(IntStream.rangeClosed(0, 20)).allSatisfy(i -> assertThat(text).contains("[" + i + "]"));
  }
}
