package io.kindling.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.event.NodeEvents;
import io.kindling.internal.lineage.EmptyNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactCopyTest {
  record Point(double label, double[] x) {}

  record Pair(Point a, Point b, String name) {}

  /** A record whose constructor refuses a second instance: it can't be rebuilt. */
  record OnlyOnce(int value) {
    static final java.util.concurrent.atomic.AtomicInteger MADE = new java.util.concurrent.atomic.AtomicInteger();

    OnlyOnce {
      if (MADE.incrementAndGet() > 1) {
        throw new IllegalStateException("made twice");
      }
    }
  }

  static final class Plain {
    final int[] values = {1, 2};
  }

  @Test
  void recordsAndTheirPrimitiveArrays_areCopiedWithEqualContents() {
    Point p = new Point(1.0, new double[] {0.5, -2.0});
    Object[] out = CompactCopy.of(new Object[] {p, new long[] {7, 8}});
    Point q = (Point) out[0];
    assertThat(q).isNotSameAs(p);
    assertThat(q.x()).isNotSameAs(p.x()).containsExactly(0.5, -2.0);
    assertThat(q.label()).isEqualTo(1.0);
    assertThat((long[]) out[1]).containsExactly(7, 8);
  }

  @Test
  void sharedSmallRecords_becomeEqualCopies_andLargeArraysStayShared() {
    Point shared = new Point(0, new double[] {1});
    double[] large = new double[CompactCopy.MAX_ARRAY_LENGTH + 1];
    Object[] out = CompactCopy.of(new Object[] {new Pair(shared, shared, "n"), new Point(1, large)});
    Pair pair = (Pair) out[0];
    assertThat(pair.a()).isNotSameAs(shared).isNotSameAs(pair.b());
    assertThat(pair.a().x()).containsExactly(1);
    assertThat(pair.b().x()).containsExactly(1);
    assertThat(pair.name()).isSameAs("n");
    assertThat(((Point) out[1]).x()).isSameAs(large);
  }

  @Test
  void otherObjects_nullsAndStrings_areKeptAsTheyAre() {
    Plain plain = new Plain();
    List<Integer> list = List.of(1, 2);
    Object[] in = {plain, null, "text", list, 42};
    Object[] out = CompactCopy.of(in);
    for (int i = 0; i < in.length; i++) {
      assertThat(out[i]).isSameAs(in[i]);
    }
  }

  @Test
  void aRecordThatCantBeRebuilt_isKept() {
    OnlyOnce once = new OnlyOnce(3);
    assertThat(CompactCopy.of(new Object[] {once})[0]).isSameAs(once);
    // Once its constructor has thrown, the class is not rebuilt again.
    assertThat(CompactCopy.of(new Object[] {once, once})).containsExactly(once, once);
    assertThat(OnlyOnce.MADE).hasValue(2);
  }

  @Test
  void memoryOnlyBlocks_holdTheCopies() {
    Point p = new Point(2, new double[] {3});
    BlockId id = new BlockId(1, 0);
    try (BlockManager on = BlockManager.inMemory(1 << 20)) {
      Object stored = on.store(id, io.kindling.storage.StorageLevel.MEMORY_ONLY, List.<Object>of(p).iterator(),
          new EmptyNode<>(1, "test"), java.util.Map.of()).next();
      Point read = (Point) on.<Object>read(id).next();
      assertThat(read).isNotSameAs(p).isSameAs(stored);
      assertThat(read.x()).containsExactly(3);
    }
  }

  @Test
  void compactMemoryOnlyOff_keepsTheOriginalObjects_andIsReadFromConfig() {
    StorageSettings off = StorageSettings.from(com.typesafe.config.ConfigFactory
        .parseString("kindling.storage.compact-memory-only = off")
        .withFallback(com.typesafe.config.ConfigFactory.defaultReference()));
    assertThat(off.compactMemoryOnly()).isFalse();
    assertThat(StorageSettings.from(com.typesafe.config.ConfigFactory.defaultReference()).compactMemoryOnly())
        .isTrue();
    Point p = new Point(2, new double[] {3});
    try (BlockManager m = new BlockManager(off, SerializedStorage.unsupported(), NodeEvents.NONE)) {
      Object stored = m.store(new BlockId(2, 0), io.kindling.storage.StorageLevel.MEMORY_ONLY,
          List.<Object>of(p).iterator(), new EmptyNode<>(2, "test"), java.util.Map.of()).next();
      assertThat(stored).isSameAs(p);
    }
  }

  @Test
  void aBlockThatDoesNotFit_isReturnedAsComputed() {
    Point p = new Point(2, new double[] {3});
    try (BlockManager tiny = BlockManager.inMemory(1)) {
      Object returned = tiny.store(new BlockId(3, 0), io.kindling.storage.StorageLevel.MEMORY_ONLY,
          List.<Object>of(p).iterator(), new EmptyNode<>(3, "test"), java.util.Map.of()).next();
      assertThat(returned).isSameAs(p);
      assertThat(tiny.contains(new BlockId(3, 0))).isFalse();
    }
  }
}
