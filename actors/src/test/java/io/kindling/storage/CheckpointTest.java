package io.kindling.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.rdd.RDD;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checkpoint(): the dataset is written after its first job, then read back with its lineage cut. */
class CheckpointTest {
  @TempDir
  Path dir;

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private KindlingSession session() {
    return KindlingSession.builder().master("local[2]").config("kindling.checkpoint.dir", dir.toString()).create();
  }

  @Test
  void checkpoint_withoutDirectory_failsClearly() {
    try (KindlingSession s = KindlingSession.builder().master("local[1]").create()) {
      RDD<Integer> data = s.parallelize(range(10), 2);

      assertThatThrownBy(data::checkpoint)
          .isInstanceOf(KindlingException.class)
          .hasMessageContaining("Checkpoint directory has not been set")
          .hasMessageContaining("kindling.checkpoint.dir");
    }
  }

  @Test
  void checkpoint_afterFirstJob_writesFilesAndCutsLineage() throws Exception {
    try (KindlingSession s = session()) {
      LongAccumulator computed = s.longAccumulator("computed");
      RDD<Integer> data = s.parallelize(range(1000), 4).map(i -> {
        computed.add(1);
        return i * 3;
      }).filter(i -> i % 2 == 0);
      data.checkpoint();
      assertThat(data.isCheckpointed()).isFalse();

      assertThat(data.count()).isEqualTo(500);

      assertThat(data.isCheckpointed()).isTrue();
      Path files = Path.of(data.getCheckpointFile().orElseThrow());
      assertThat(Files.list(files).filter(p -> p.getFileName().toString().startsWith("part-"))).hasSize(4);
      String debug = data.toDebugString();
      assertThat(debug).contains("ReliableCheckpointRDD").doesNotContain("ParallelCollectionRDD");
      long computedBefore = computed.sum();

      List<Integer> again = data.collect();
      assertThat(again).isEqualTo(range(1000).stream().map(i -> i * 3).filter(i -> i % 2 == 0)
          .collect(Collectors.toList()));
      assertThat(data.map(i -> i + 1).reduce(Integer::sum)).isEqualTo(again.stream().mapToInt(i -> i + 1).sum());
      assertThat(computed.sum()).isEqualTo(computedBefore);
    }
  }

  @Test
  void checkpoint_ofCachedDataset_writesFromTheCache() {
    try (KindlingSession s = session()) {
      LongAccumulator computed = s.longAccumulator("computed");
      RDD<Integer> data = s.parallelize(range(200), 2).map(i -> {
        computed.add(1);
        return i;
      }).cache();
      data.checkpoint();

      assertThat(data.count()).isEqualTo(200);
      assertThat(data.isCheckpointed()).isTrue();
      assertThat(computed.sum()).isEqualTo(200);
      assertThat(data.toDebugString().lines().findFirst().orElseThrow())
          .contains("[Memory Deserialized 1x Replicated]");
      assertThat(data.collect()).isEqualTo(range(200));
    }
  }

  @Test
  void checkpoint_ofAncestor_cutsDescendantsLineage() {
    try (KindlingSession s = session()) {
      RDD<Integer> base = s.parallelize(range(100), 2).map(i -> i + 1);
      base.checkpoint();
      RDD<Integer> derived = base.map(i -> i * 2);

      assertThat(derived.reduce(Integer::sum)).isEqualTo(10100);
      assertThat(base.isCheckpointed()).isTrue();
      assertThat(derived.toDebugString()).contains("ReliableCheckpointRDD").doesNotContain("ParallelCollectionRDD");
      assertThat(derived.reduce(Integer::sum)).isEqualTo(10100);
    }
  }
}
