package io.kindling.persistence.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.storage.BlockCodec;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.ChunkStore;
import io.kindling.engine.storage.StorageSettings;
import io.kindling.storage.StorageLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The chunk stores of the serialized levels: put, get, remove, corrupt, full, and files gone on close. */
class ChronicleStorageTest {
  @TempDir
  static Path dir;
  private static ChronicleStorage storage;

  @BeforeAll
  static void open() {
    storage = new ChronicleStorage("test", new StorageSettings(0, 1 << 20, 1 << 20, 4096, dir.toString()));
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  private static List<byte[]> chunks(int n) {
    List<String> values = IntStream.range(0, n).mapToObj(i -> "element-" + i).collect(Collectors.toList());
    return storage.codec().encode(values.iterator(), 4096).chunks();
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void putGetRemove_roundTripsChunks(StorageLevel level) {
    ChunkStore store = storage.store(level);
    BlockId id = new BlockId(3, 1);
    List<byte[]> chunks = chunks(2000);
    assertThat(chunks.size()).isGreaterThan(1);

    assertThat(store.put(id, 17, chunks)).isTrue();
    List<byte[]> back = store.get(id, 17, chunks.size());

    assertThat(back).hasSameSizeAs(chunks);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(back.get(i)).isEqualTo(chunks.get(i));
    }
    assertThat(store.get(id, 18, chunks.size())).as("another generation").isNull();
    store.remove(id, 17, chunks.size());
    assertThat(store.get(id, 17, chunks.size())).isNull();
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void corrupt_makesTheFirstChunkFailItsChecksum(StorageLevel level) {
    ChunkStore store = storage.store(level);
    BlockCodec codec = storage.codec();
    BlockId id = new BlockId(4, 0);
    List<byte[]> chunks = chunks(10);
    store.put(id, 5, chunks);

    store.corrupt(id, 5);

    assertThat(codec.verify(store.get(id, 5, chunks.size()).get(0))).isFalse();
    store.remove(id, 5, chunks.size());
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"OFF_HEAP", "MEMORY_AND_DISK"})
  void put_pastWhatTheMapHolds_saysNoRoomInsteadOfThrowing(StorageLevel level) {
    ChunkStore store = storage.store(level);
    List<byte[]> big = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      big.add(new byte[64 * 1024]);
    }
    int stored = 0;
    for (int g = 100; g < 200 && store.put(new BlockId(9, g), g, big); g++) {
      stored++;
    }

    assertThat(stored).isLessThan(100);
    for (int g = 100; g < 100 + stored; g++) {
      store.remove(new BlockId(9, g), g, big.size());
    }
    assertThat(store.put(new BlockId(9, 0), 1000, chunks(10))).isTrue();
    store.remove(new BlockId(9, 0), 1000, 1);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_AND_DISK", "DISK_ONLY"})
  void close_deletesTheFiles(StorageLevel level) throws Exception {
    Path own = Files.createTempDirectory(dir, "own");
    ChronicleStorage s = new ChronicleStorage("closing", new StorageSettings(0, 1 << 20, 1 << 20, 4096,
        own.toString()));
    s.store(level).put(new BlockId(1, 0), 1, chunks(5));
    try (var files = Files.walk(own)) {
      assertThat(files.filter(Files::isRegularFile).count()).isPositive();
    }

    s.close();

    try (var files = Files.walk(own)) {
      assertThat(files.filter(Files::isRegularFile).count()).isZero();
    }
  }
}
