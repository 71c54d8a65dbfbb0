package io.kindling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.BroadcastRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.internal.lineage.TaskContextHolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulators, broadcasts and listeners as the runtime sees them, without a backend. */
class AccumulatorSerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static TaskContext taskWith(AccumulatorUpdates updates) {
    return new TaskContext() {
      @Override
      public long jobId() {
        return 1;
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
      public <T> Iterator<T> iterator(LineageNode<T> node, int partition) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <K, C> Iterator<Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> d, int p) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void onTaskCompletion(AutoCloseable resource) {}

      @Override
      public AccumulatorUpdates accumulatorUpdates() {
        return updates;
      }
    };
  }

  @Test
  void longAccumulator_onDriver_addsDirectly() {
    LongAccumulator acc = new AccumulatorRegistry().newLong("n");
    acc.add(3);
    acc.add(4);
    assertThat(acc.value()).isEqualTo(7L);
    assertThat(acc.count()).isEqualTo(2);
    assertThat(acc.avg()).isEqualTo(3.5);
    acc.reset();
    assertThat(acc.value()).isZero();
    assertThat(acc.avg()).isNaN();
  }

  @Test
  void longAccumulator_shippedToATask_recordsIntoTheTasksUpdates_thenMergesOnce() throws Exception {
    AccumulatorRegistry registry = new AccumulatorRegistry();
    LongAccumulator acc = registry.newLong("lines");
    LongAccumulator shipped = roundTrip(acc);
    AccumulatorUpdates updates = new AccumulatorUpdates();
    TaskContextHolder.set(taskWith(updates));
    try {
      shipped.add(5);
      shipped.add(6);
    } finally {
      TaskContextHolder.set(null);
    }
    assertThat(acc.value()).isZero();
    registry.merge(updates);
    assertThat(acc.value()).isEqualTo(11L);
    assertThat(acc.count()).isEqualTo(2);
  }

  @Test
  void doubleAccumulator_shippedToATask_recordsIntoTheTasksUpdates() throws Exception {
    AccumulatorRegistry registry = new AccumulatorRegistry();
    DoubleAccumulator acc = registry.newDouble("weight");
    DoubleAccumulator shipped = roundTrip(acc);
    AccumulatorUpdates updates = new AccumulatorUpdates();
    TaskContextHolder.set(taskWith(updates));
    try {
      shipped.add(0.25);
      shipped.add(0.5);
    } finally {
      TaskContextHolder.set(null);
    }
    registry.merge(updates);
    assertThat(acc.value()).isEqualTo(0.75);
    assertThat(acc.count()).isEqualTo(2);
    assertThat(acc.name()).isEqualTo("weight");
  }

  @Test
  void broadcast_shipsItsKeyOnly_andFailsAfterDestroy() throws Exception {
    BroadcastRegistry.put("test-session/0", List.of("a", "b"));
    Broadcast<List<String>> b = new Broadcast<>(0, "test-session/0");
    Broadcast<List<String>> shipped = roundTrip(b);
    assertThat(shipped.value()).containsExactly("a", "b");
    b.destroy();
    assertThatThrownBy(shipped::value).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Broadcast(0)").hasMessageContaining("destroyed");
  }

  @Test
  void broadcast_nullValue_isReadBackAsNull() {
    BroadcastRegistry.put("test-session/1", null);
    assertThat(new Broadcast<>(1, "test-session/1").value()).isNull();
    BroadcastRegistry.removeSession("test-session");
    assertThat(BroadcastRegistry.contains("test-session/1")).isFalse();
  }

  @Test
  void listenerBus_deliversInOrder_andSkipsAListenerThatThrows() {
    ListenerBus bus = new ListenerBus();
    List<String> seen = new ArrayList<>();
    bus.add(new JobListener() {
      @Override
      public void onJobStarted(JobStarted event) {
        throw new IllegalStateException("broken listener");
      }
    });
    bus.add(new JobListener() {
      @Override
      public void onJobStarted(JobStarted event) {
        seen.add("started " + event.jobId());
      }

      @Override
      public void onJobEnded(JobEnded event) {
        seen.add("ended " + event.jobId());
      }
    });
    bus.jobStarted(new JobListener.JobStarted(1, "count at A.java:1", List.of(0)));
    bus.jobEnded(new JobListener.JobEnded(1, "count at A.java:1", true, null, Duration.ZERO));
    assertThat(seen).containsExactly("started 1", "ended 1");
  }
}
