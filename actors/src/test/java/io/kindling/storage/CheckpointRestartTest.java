package io.kindling.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint on local disk outlives its session: readCheckpoint reloads it in the next one. */
class CheckpointRestartTest {
  @TempDir
  Path dir;

  @Test
  void checkpoint_reloadsAfterSessionRestart() {
    String written;
    List<String> expected;
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.checkpoint.dir", dir.toString()).create()) {
      RDD<String> words = s.parallelize(IntStream.range(0, 100).boxed().toList(), 4).map(i -> "w" + i);
      words.checkpoint();
      expected = words.collect();
      written = words.getCheckpointFile().orElseThrow();
    }
    assertThat(Path.of(written)).startsWith(dir);
    try (KindlingSession restarted = KindlingSession.builder().master("local[1]").create()) {
      RDD<String> reloaded = restarted.readCheckpoint(written);

      assertThat(reloaded.getNumPartitions()).isEqualTo(4);
      assertThat(reloaded.collect()).containsExactlyElementsOf(expected);
      assertThat(reloaded.toDebugString()).contains("ReliableCheckpointRDD");
    }
  }

  @Test
  void readCheckpoint_ofAnIncompleteOrMissingCheckpoint_failsClearly() throws Exception {
    Path partial = Files.createDirectories(dir.resolve("partial"));
    Files.writeString(partial.resolve("part-00000"), "x");
    try (KindlingSession s = KindlingSession.builder().master("local[1]").create()) {
      assertThatThrownBy(() -> s.readCheckpoint(partial.toString()))
          .isInstanceOf(KindlingException.class)
          .hasMessageContaining("No complete checkpoint at " + partial)
          .hasMessageContaining("RDD.getCheckpointFile()");
      assertThatThrownBy(() -> s.readCheckpoint(dir.resolve("nothing").toString()))
          .isInstanceOf(KindlingException.class).hasMessageContaining("_metadata is missing");
    }
  }
}
