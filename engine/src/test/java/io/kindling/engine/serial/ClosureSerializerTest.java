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
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.UnionNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosureSerializerTest {

  /** Not serializable, as a user's service object or a test instance often is. */
  static final class Unshippable {
    final int factor = 3;
  }

  @SuppressWarnings("unchecked")
  @Test
  void encodeDecode_roundTrip_runsTheSameComputation() {
    int factor = 10;
    LineageNode<Integer> mapped = new MapPartitionsNode<>(1, "map at App.java:11", numbers(),
        (p, it) -> Iterators.map(it, x -> x * factor));
    byte[] bytes = ClosureSerializer.encode(new JobPayload(plan(mapped), COUNT), "count at App.java:12");
    JobPayload back = ClosureSerializer.decode(bytes);
    LineageNode<Integer> node = (LineageNode<Integer>) back.plan().resultStage().node();
    assertThat(node.describe()).isEqualTo("MapPartitionsRDD[1] at map at App.java:11");
    assertThat(Tasks.computeAll(node)).containsExactly(10, 20, 30, 40);
  }

  @Test
  void encode_mapCapturingUnserializableObject_namesDatasetAndClass() {
    Unshippable service = new Unshippable();
    LineageNode<Integer> mapped = new MapPartitionsNode<>(1, "map at App.java:11", numbers(),
        (p, it) -> Iterators.map(it, x -> x * service.factor));
    LineageNode<Integer> filtered = new MapPartitionsNode<>(2, "filter at App.java:12", mapped,
        (p, it) -> it);
    assertThatThrownBy(() -> ClosureSerializer.encode(new JobPayload(plan(filtered), COUNT),
        "count at App.java:13"))
        .isInstanceOf(KindlingException.class)
        .hasMessageStartingWith("Task not serializable: map at App.java:11 (MapPartitionsRDD[1]) holds an object of"
            + " class " + Unshippable.class.getName() + ", which is not java.io.Serializable")
        .hasMessageContaining("captures 'this'");
  }

  @Test
  void encode_unserializableNodeInOneBranchOfUnion_namesThatBranch() {
    Unshippable service = new Unshippable();
    LineageNode<Integer> good = new MapPartitionsNode<>(1, "map at App.java:11", numbers(), (p, it) -> it);
    LineageNode<Integer> bad = new MapPartitionsNode<>(3, "map at App.java:14",
        new ParallelCollectionNode<>(2, "parallelize at App.java:13", List.of(5), 1),
        (p, it) -> Iterators.map(it, x -> x + service.factor));
    LineageNode<Integer> union = new UnionNode<>(4, "union at App.java:15", List.of(good, bad));
    assertThatThrownBy(() -> ClosureSerializer.encode(new JobPayload(plan(union), COUNT), "count at App.java:16"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("map at App.java:14 (MapPartitionsRDD[3])")
        .hasMessageContaining(Unshippable.class.getName());
  }

  @Test
  void encode_actionFunctionCapturingUnserializableObject_namesTheAction() {
    Unshippable service = new Unshippable();
    PartitionFunction<Object, Integer> fn = (ctx, it) -> service.factor;
    assertThatThrownBy(() -> ClosureSerializer.encode(new JobPayload(plan(numbers()), fn),
        "foreach at App.java:20"))
        .isInstanceOf(KindlingException.class)
        .hasMessageStartingWith("Task not serializable: the function passed to foreach at App.java:20 captures an"
            + " object of class " + Unshippable.class.getName());
  }

  @Test
  void encode_unserializableElementsInParallelize_namesTheDataset() {
    LineageNode<Unshippable> data = new ParallelCollectionNode<>(0, "parallelize at App.java:30",
        List.of(new Unshippable()), 1);
    assertThatThrownBy(() -> ClosureSerializer.encode(new JobPayload(plan(data), COUNT), "count at App.java:31"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("parallelize at App.java:30 (ParallelCollectionRDD[0])")
        .hasMessageContaining(Unshippable.class.getName());
  }

  @Test
  void encode_lineageTooLongForTheCallersStack_isSerializedOnADeeperOne() throws Exception {
    LineageNode<Integer> node = numbers();
    for (int i = 1; i <= 5000; i++) {
      node = new MapPartitionsNode<>(i, "map at App.java:" + i, node, (p, it) -> it);
    }
    LineageNode<Integer> last = node;
    byte[][] bytes = new byte[1][];
    // A thread with a small stack overflows at once, as a caller deep in its own code would.
    Thread small = new Thread(null, () -> bytes[0] = ClosureSerializer.encode(new JobPayload(plan(last), COUNT),
        "count at App.java:9"), "small-stack", 256 * 1024);
    small.start();
    small.join();
    assertThat(bytes[0]).isNotEmpty();
  }

  @Test
  void decode_garbage_failsClearly() {
    assertThatThrownBy(() -> ClosureSerializer.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("Could not read a job's lineage");
  }
}
