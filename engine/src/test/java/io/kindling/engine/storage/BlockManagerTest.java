package io.kindling.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.internal.lineage.EmptyNode;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockManagerTest {
  private final RecordingEvents events = new RecordingEvents();
  private final TestingSerializedStorage serialized = new TestingSerializedStorage();
  private final List<String> ownership = new CopyOnWriteArrayList<>();
  private final EmptyNode<Object> node = new EmptyNode<>(1, "test");
  private BlockManager blocks;

  @BeforeEach
  void create() {
    blocks = manager(1_000_000, 1_000_000);
  }

  private BlockManager manager(long memory, long offHeap) {
    BlockManager m = new BlockManager(new StorageSettings(memory, offHeap, offHeap, 4096, ""), serialized, events);
    m.attach(new BlockOwners() {
      @Override
      public void stored(OwnedBlock block) {
        ownership.add("stored " + block.id() + "@" + block.generation());
      }

      @Override
      public void released(BlockId id, long generation) {
        ownership.add("released " + id + "@" + generation);
      }

      @Override
      public void crash(BlockId id) {
        ownership.add("crash " + id);
      }
    });
    return m;
  }

  private static List<Object> list(Iterator<?> it) {
    List<Object> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private <T> List<Object> store(BlockManager m, BlockId id, StorageLevel level, List<T> values) {
    return list(m.store(id, level, values.iterator(), node, Map.of()));
  }

  @Test
  void memoryOnly_readReturnsTheStoredObjectsThemselves() {
    StringBuilder value = new StringBuilder("mutable");
    BlockId id = new BlockId(1, 0);

    store(blocks, id, StorageLevel.MEMORY_ONLY, List.of(value));

    assertThat(list(blocks.read(id))).singleElement().isSameAs(value);
    assertThat(events.cached.get(StorageLevel.MEMORY_ONLY)).isPositive();
    assertThat(ownership).containsExactly("stored rdd_1_0@1");
  }

  @Test
  void serialized_readDecodesACopy() {
    BlockId id = new BlockId(1, 0);

    List<Object> returned = store(blocks, id, StorageLevel.OFF_HEAP, List.of("a", "b"));

    assertThat(returned).containsExactly("a", "b");
    assertThat(list(blocks.read(id))).containsExactly("a", "b");
    assertThat(blocks.info(id).orElseThrow().chunks()).isEqualTo(2);
  }

  @Test
  void read_missingBlock_isNull() {
    assertThat((Iterator<Object>) blocks.read(new BlockId(5, 5))).isNull();
  }

  @Test
  void store_overCapacity_evictsLeastRecentlyUsedOfTheSameLevel() {
    List<String> payload = List.of("x".repeat(100));
    long one = serialized.codec().encode(payload.iterator(), 4096).bytes();
    BlockManager small = manager(1_000_000, 2 * one + one / 2);
    BlockId a = new BlockId(1, 0);
    BlockId b = new BlockId(1, 1);
    BlockId c = new BlockId(1, 2);
    BlockId heap = new BlockId(2, 0);
    store(small, heap, StorageLevel.MEMORY_ONLY, payload);
    store(small, a, StorageLevel.OFF_HEAP, payload);
    store(small, b, StorageLevel.OFF_HEAP, payload);
    small.read(a);

    store(small, c, StorageLevel.OFF_HEAP, payload);

    assertThat(small.contains(a)).isTrue();
    assertThat(small.contains(b)).isFalse();
    assertThat(small.contains(c)).isTrue();
    assertThat(small.contains(heap)).isTrue();
    assertThat(events.events).contains("evicted rdd_1_1");
    assertThat(ownership).contains("released rdd_1_1@3");

    store(small, b, StorageLevel.OFF_HEAP, payload);
    assertThat(events.events).contains("recomputed rdd_1_1 EVICTED");
  }

  @Test
  void store_blockLargerThanCapacity_notCachedButReturned() {
    BlockManager small = manager(64, 64);
    List<Integer> values = IntStream.range(0, 1000).boxed().collect(Collectors.toList());

    assertThat(store(small, new BlockId(1, 0), StorageLevel.MEMORY_ONLY, values)).isEqualTo(values);
    assertThat(store(small, new BlockId(1, 1), StorageLevel.OFF_HEAP, values)).isEqualTo(values);

    assertThat(small.blocks()).isEmpty();
    assertThat(ownership).isEmpty();
  }

  @Test
  void store_storeRefusesAndNothingToEvict_notCached() {
    serialized.refusePuts = true;
    BlockId id = new BlockId(1, 0);

    assertThat(store(blocks, id, StorageLevel.OFF_HEAP, List.of(1, 2))).containsExactly(1, 2);

    assertThat(blocks.contains(id)).isFalse();
    assertThat(events.cached.getOrDefault(StorageLevel.OFF_HEAP, 0L)).isZero();
  }

  @Test
  void corrupt_nextReadMissesAndTheRecomputationIsReported() {
    for (StorageLevel level : List.of(StorageLevel.MEMORY_ONLY, StorageLevel.OFF_HEAP)) {
      BlockId id = new BlockId(level.ordinal(), 0);
      store(blocks, id, level, List.of("v"));

      assertThat(blocks.corrupt(id)).isTrue();
      assertThat((Iterator<Object>) blocks.read(id)).isNull();
      assertThat(blocks.contains(id)).isFalse();

      store(blocks, id, level, List.of("v"));
      assertThat(events.events).contains("recomputed " + id + " CHECKSUM_MISMATCH");
    }
  }

  @Test
  void verify_intactBlockPasses_damagedOneIsDroppedWithoutReleasingItsOwner() {
    BlockId id = new BlockId(1, 0);
    store(blocks, id, StorageLevel.OFF_HEAP, List.of("v"));
    assertThat(blocks.verify(id)).isTrue();

    blocks.corrupt(id);

    assertThat(blocks.verify(id)).isFalse();
    assertThat(blocks.contains(id)).isFalse();
    assertThat(ownership).noneMatch(o -> o.startsWith("released"));
  }

  @Test
  void drop_releasesOwnerWhenAsked_andMarksTheBlockLost() {
    BlockId id = new BlockId(1, 0);
    store(blocks, id, StorageLevel.MEMORY_ONLY, List.of("v"));

    assertThat(blocks.drop(id, RecomputeCause.BLOCK_LOST, true)).isTrue();
    assertThat(blocks.drop(id, RecomputeCause.BLOCK_LOST, true)).isFalse();

    assertThat(ownership).containsExactly("stored rdd_1_0@1", "released rdd_1_0@1");
    assertThat(events.cached.get(StorageLevel.MEMORY_ONLY)).isZero();
    store(blocks, id, StorageLevel.MEMORY_ONLY, List.of("v"));
    assertThat(events.events).containsExactly("recomputed rdd_1_0 BLOCK_LOST");
  }

  @Test
  void removeDataset_removesItsBlocksAndForgetsTheyWereLost() {
    store(blocks, new BlockId(1, 0), StorageLevel.MEMORY_ONLY, List.of("a"));
    store(blocks, new BlockId(1, 1), StorageLevel.OFF_HEAP, List.of("b"));
    store(blocks, new BlockId(2, 0), StorageLevel.MEMORY_ONLY, List.of("c"));
    blocks.drop(new BlockId(1, 0), RecomputeCause.BLOCK_LOST, false);

    assertThat(blocks.removeDataset(1)).containsExactly(new BlockId(1, 1));

    assertThat(blocks.blocks()).extracting(BlockManager.BlockInfo::id).containsExactly(new BlockId(2, 0));
    assertThat(serialized.chunks).isEmpty();
    store(blocks, new BlockId(1, 0), StorageLevel.MEMORY_ONLY, List.of("a"));
    assertThat(events.events).isEmpty();
  }

  @Test
  void close_dropsEverythingAndClosesTheStores() {
    store(blocks, new BlockId(1, 0), StorageLevel.MEMORY_ONLY, List.of("a"));
    store(blocks, new BlockId(1, 1), StorageLevel.OFF_HEAP, List.of("b"));

    blocks.close();

    assertThat(blocks.blocks()).isEmpty();
    assertThat(serialized.closed).isTrue();
    assertThat(events.cached.values()).allMatch(v -> v == 0);
    assertThat(store(blocks, new BlockId(1, 0), StorageLevel.MEMORY_ONLY, List.of("a"))).containsExactly("a");
    assertThat(blocks.contains(new BlockId(1, 0))).isFalse();
  }
}
