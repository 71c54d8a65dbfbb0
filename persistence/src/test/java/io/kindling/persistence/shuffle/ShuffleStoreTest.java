package io.kindling.persistence.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.persistence.WorkDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShuffleStoreTest {

  private static ShuffleStoreSettings small() {
    return new ShuffleStoreSettings(16 << 10, 64 << 10, 64, 1.5);
  }

  private static byte[] randomBytes(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void write_commit_read_roundTripsEveryReduceBlock(@TempDir Path tmp) throws IOException {
    try (WorkDirectory dir = new WorkDirectory(tmp, "t"); ShuffleStore store = new ShuffleStore(dir, small())) {
      byte[] big = randomBytes(1, 200_000);
      byte[] tiny = randomBytes(2, 17);
      MapOutputWriter w = store.newMapOutput(3, 0, 3);
      w.append(0, big, 0, 100_000);
      w.append(0, big, 100_000, 100_000);
      w.append(2, tiny, 0, tiny.length);
      assertThat(store.hasMapOutput(3, 0)).isFalse();
      assertThat(w.commit()).containsExactly(200_000, 0, 17);

      assertThat(store.isComplete(3, 1)).isTrue();
      assertThat(store.isComplete(3, 2)).isFalse();
      assertThat(readAll(store.openBlock(3, 0, 0))).isEqualTo(big);
      assertThat(readAll(store.openBlock(3, 0, 1))).isEmpty();
      assertThat(readAll(store.openBlock(3, 0, 2))).isEqualTo(tiny);
    }
  }

  @Test
  void abort_removesChunks_andNothingIsVisible(@TempDir Path tmp) {
    try (WorkDirectory dir = new WorkDirectory(tmp, "t"); ShuffleStore store = new ShuffleStore(dir, small())) {
      MapOutputWriter w = store.newMapOutput(1, 0, 1);
      w.append(0, new byte[1000], 0, 1000);
      w.abort();
      assertThat(store.hasMapOutput(1, 0)).isFalse();
      assertThatThrownBy(() -> store.openBlock(1, 0, 0)).isInstanceOf(MissingShuffleOutputException.class)
          .hasMessageContaining("map partition 0 of shuffle 1");
    }
  }

  @Test
  void manyChunks_rotateVolumes_andRemovalDeletesFullVolumes(@TempDir Path tmp) throws IOException {
    try (WorkDirectory dir = new WorkDirectory(tmp, "t"); ShuffleStore store = new ShuffleStore(dir, small())) {
      byte[] data = randomBytes(7, 64 << 10);
      for (int m = 0; m < 8; m++) {
        MapOutputWriter w = store.newMapOutput(5, m, 2);
        for (int i = 0; i < 40; i++) {
          w.append(i % 2, data, 0, data.length);
        }
        w.commit();
      }
      assertThat(store.volumeCount()).isGreaterThan(1);
      try (InputStream in = store.openBlock(5, 7, 1)) {
        byte[] all = in.readAllBytes();
        assertThat(all).hasSize(20 * data.length);
        for (int i = 0; i < 20; i++) {
          assertThat(java.util.Arrays.copyOfRange(all, i * data.length, (i + 1) * data.length)).isEqualTo(data);
        }
      }
      store.removeShuffle(5);
      assertThat(store.shuffleIds()).isEmpty();
      assertThat(store.volumeCount()).isEqualTo(1);
    }
  }

  @Test
  void rewritingAMapOutput_replacesTheOldOne(@TempDir Path tmp) throws IOException {
    try (WorkDirectory dir = new WorkDirectory(tmp, "t"); ShuffleStore store = new ShuffleStore(dir, small())) {
      MapOutputWriter first = store.newMapOutput(2, 0, 1);
      first.append(0, new byte[] {1, 2, 3}, 0, 3);
      first.commit();
      MapOutputWriter second = store.newMapOutput(2, 0, 1);
      second.append(0, new byte[] {9}, 0, 1);
      second.commit();
      assertThat(readAll(store.openBlock(2, 0, 0))).containsExactly(9);
    }
  }

  @Test
  void close_deletesEveryFile(@TempDir Path tmp) throws IOException {
    WorkDirectory dir = new WorkDirectory(tmp, "t");
    ShuffleStore store = new ShuffleStore(dir, small());
    MapOutputWriter w = store.newMapOutput(1, 0, 1);
    w.append(0, new byte[100], 0, 100);
    w.commit();
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.filter(Files::isRegularFile)).isNotEmpty();
    }
    store.close();
    dir.close();
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }
}
