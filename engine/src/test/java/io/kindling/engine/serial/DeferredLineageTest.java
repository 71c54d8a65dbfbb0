package io.kindling.engine.serial;

import static io.kindling.engine.serial.Payloads.COUNT;
import static io.kindling.engine.serial.Payloads.numbers;
import static io.kindling.engine.serial.Payloads.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.task.Tasks;
import io.kindling.internal.Iterators;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.UnionNode;
import io.kindling.storage.StorageLevel;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredLineageTest {

  /** Write and read counters by name: a decoded copy must count into the original's counters. */
  private static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();

  /** A captured value that counts how often it is written and read. */
  static final class Counted implements Serializable {
    private static final long serialVersionUID = 1L;
    final int factor;
    final String name;

    Counted(int factor, String name) {
      this.factor = factor;
      this.name = name;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      counter(name + ".writes").incrementAndGet();
      out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      counter(name + ".reads").incrementAndGet();
    }
  }

  private static AtomicInteger counter(String name) {
    return COUNTERS.computeIfAbsent(name, k -> new AtomicInteger());
  }

  private static String unique(String name) {
    return name + "-" + System.nanoTime();
  }

  private static LineageNode<Integer> scaled(int id, LineageNode<Integer> parent, Counted counted) {
    return new MapPartitionsNode<>(id, "map at App.java:" + id, parent,
        (p, it) -> Iterators.map(it, x -> x * counted.factor));
  }

  private static LineageNode<?> parentOf(LineageNode<?> node) {
    return node.dependencies().get(0).parent();
  }

  @SuppressWarnings("unchecked")
  @Test
  void decode_persistedParent_isReadOnlyWhenComputed() {
    String name = unique("cached");
    AtomicInteger writes = counter(name + ".writes");
    AtomicInteger reads = counter(name + ".reads");
    LineageNode<Integer> cached = scaled(1, numbers(), new Counted(10, name));
    LineageNode<Integer> plusOne = new MapPartitionsNode<>(2, "map at App.java:12", cached,
        (p, it) -> Iterators.map(it, x -> x + 1));
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(plusOne), COUNT,
        Map.of(1, StorageLevel.MEMORY_ONLY)), "count at App.java:13");

    JobPayload back = ClosureSerializer.decode(bytes);
    LineageNode<Integer> root = (LineageNode<Integer>) back.plan().resultStage().node();
    LineageNode<?> parent = root.dependencies().get(0).parent();
    assertThat(parent).isInstanceOf(DeferredLineageNode.class);
    assertThat(parent.id()).isEqualTo(1);
    assertThat(parent.describe()).isEqualTo("MapPartitionsRDD[1] at map at App.java:1");
    assertThat(parent.numPartitions()).isEqualTo(2);
    // The captured value behind the cache was written but not read back.
    assertThat(writes.get()).isEqualTo(1);
    assertThat(reads.get()).isZero();

    assertThat(Tasks.computeAll(root)).containsExactly(11, 21, 31, 41);
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void encode_sameCachedDatasetInLaterJobs_writesItsLineageOnce() {
    String name = unique("iterated");
    AtomicInteger writes = counter(name + ".writes");
    AtomicInteger reads = counter(name + ".reads");
    LineageNode<Integer> cached = scaled(1, numbers(), new Counted(3, name));
    Map<Integer, StorageLevel> persisted = Map.of(1, StorageLevel.MEMORY_ONLY);
    for (int job = 0; job < 3; job++) {
      int add = job;
      LineageNode<Integer> next = new MapPartitionsNode<>(2 + job, "map at App.java:20", cached,
          (p, it) -> Iterators.map(it, x -> x + add));
      byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(next), COUNT, persisted), "count at App.java:21");
      @SuppressWarnings("unchecked")
      LineageNode<Integer> root = (LineageNode<Integer>) ClosureSerializer.decode(bytes).plan().resultStage().node();
      assertThat(Tasks.computeAll(root)).containsExactly(3 + job, 6 + job, 9 + job, 12 + job);
    }
    assertThat(writes.get()).isEqualTo(1);
    assertThat(reads.get()).isEqualTo(3);
  }

  @Test
  void encode_objectSharedByCachedLineageAndLaterFunction_keepsOneCopy() {
    int[] shared = {5};
    LineageNode<Integer> cached = new MapPartitionsNode<>(1, "map at App.java:30", numbers(),
        (p, it) -> Iterators.map(it, x -> x * shared[0]));
    LineageNode<int[]> pairs = new MapPartitionsNode<>(2, "map at App.java:31", cached,
        (p, it) -> Iterators.map(it, x -> shared));
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(pairs), COUNT,
        Map.of(1, StorageLevel.MEMORY_ONLY)), "collect at App.java:32");

    @SuppressWarnings("unchecked")
    LineageNode<int[]> root = (LineageNode<int[]>) ClosureSerializer.decode(bytes).plan().resultStage().node();
    assertThat(parentOf(root)).isNotInstanceOf(DeferredLineageNode.class);
    List<int[]> arrays = Tasks.compute(root, 0);
    assertThat(arrays).hasSize(2);
    assertThat(arrays.get(0)).isSameAs(arrays.get(1));
  }

  @SuppressWarnings("unchecked")
  @Test
  void decode_cachedDatasetBehindAnotherCachedDataset_isDeferredInTurn() {
    String innerName = unique("inner");
    String outerName = unique("outer");
    AtomicInteger innerReads = counter(innerName + ".reads");
    AtomicInteger outerReads = counter(outerName + ".reads");
    LineageNode<Integer> inner = scaled(1, numbers(), new Counted(2, innerName));
    LineageNode<Integer> outer = scaled(2, inner, new Counted(5, outerName));
    LineageNode<Integer> top = new MapPartitionsNode<>(3, "map at App.java:40", outer, (p, it) -> it);
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(top), COUNT,
        Map.of(1, StorageLevel.MEMORY_ONLY, 2, StorageLevel.OFF_HEAP)), "count at App.java:41");

    LineageNode<Integer> root = (LineageNode<Integer>) ClosureSerializer.decode(bytes).plan().resultStage().node();
    LineageNode<?> outerBack = parentOf(root);
    assertThat(outerBack).isInstanceOf(DeferredLineageNode.class);
    assertThat(parentOf(outerBack)).isInstanceOf(DeferredLineageNode.class);
    assertThat(outerReads.get()).isEqualTo(1);
    assertThat(innerReads.get()).isZero();
    assertThat(Tasks.computeAll(root)).containsExactly(10, 20, 30, 40);
    assertThat(innerReads.get()).isEqualTo(1);
  }

  @Test
  void encode_cachedDatasetInTwoBranches_isOneNodeAfterDecoding() {
    LineageNode<Integer> cached = scaled(1, numbers(), new Counted(7, unique("branches")));
    LineageNode<Integer> left = new MapPartitionsNode<>(2, "map at App.java:50", cached, (p, it) -> it);
    LineageNode<Integer> right = new MapPartitionsNode<>(3, "map at App.java:51", cached, (p, it) -> it);
    LineageNode<Integer> union = new UnionNode<>(4, "union at App.java:52", List.of(left, right));
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(union), COUNT,
        Map.of(1, StorageLevel.MEMORY_ONLY)), "count at App.java:53");

    @SuppressWarnings("unchecked")
    LineageNode<Integer> root = (LineageNode<Integer>) ClosureSerializer.decode(bytes).plan().resultStage().node();
    LineageNode<?> leftBack = root.dependencies().get(0).parent();
    LineageNode<?> rightBack = root.dependencies().get(1).parent();
    assertThat(parentOf(leftBack)).isSameAs(parentOf(rightBack));
    assertThat(Tasks.computeAll(root)).containsExactly(7, 14, 21, 28, 7, 14, 21, 28);
  }

  /** Not serializable, as a user's service object often is. */
  static final class Unshippable {
    final int factor = 3;
  }

  @Test
  void encode_unserializableObjectBehindTheCache_namesTheCachedDataset() {
    Unshippable service = new Unshippable();
    LineageNode<Integer> cached = new MapPartitionsNode<>(1, "map at App.java:70", numbers(),
        (p, it) -> Iterators.map(it, x -> x * service.factor));
    LineageNode<Integer> next = new MapPartitionsNode<>(2, "map at App.java:71", cached, (p, it) -> it);
    assertThatThrownBy(() -> ClosureSerializer.encode(new JobPayload(plan(next),
            COUNT, Map.of(1, StorageLevel.MEMORY_ONLY)), "count at App.java:72"))
        .isInstanceOf(KindlingException.class)
        .hasMessageStartingWith("Task not serializable: map at App.java:70 (MapPartitionsRDD[1]) holds an object of"
            + " class " + Unshippable.class.getName());
  }

  @Test
  void encode_nothingPersisted_writesTheWholeLineage() {
    LineageNode<Integer> mapped = scaled(1, numbers(), new Counted(2, unique("plain")));
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(mapped), COUNT), "count at App.java:60");
    LineageNode<?> root = ClosureSerializer.decode(bytes).plan().resultStage().node();
    assertThat(root).isInstanceOf(MapPartitionsNode.class);
    assertThat(parentOf(root)).isInstanceOf(ParallelCollectionNode.class);
  }
}
