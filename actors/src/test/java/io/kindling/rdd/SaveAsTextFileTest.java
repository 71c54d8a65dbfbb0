package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobFailedException;
import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code saveAsTextFile}: parts and marker, atomic commit, existing targets, failures leaving nothing. */
class SaveAsTextFileTest {
  private static KindlingSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("save").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  private static List<String> listing(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void saveAsTextFile_writesOnePartPerPartitionAndSuccess() throws IOException {
    Path out = dir.resolve("out");
    session.parallelize(range(0, 10), 3).saveAsTextFile(out.toString());
    assertThat(listing(out)).containsExactly("_SUCCESS", "part-00000", "part-00001", "part-00002");
    assertThat(Files.readAllLines(out.resolve("part-00000"))).containsExactly("0", "1", "2");
    assertThat(Files.readAllLines(out.resolve("part-00002"))).containsExactly("6", "7", "8", "9");
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void saveAsTextFile_thenTextFile_readsTheSameLinesBack() {
    Path out = dir.resolve("roundtrip");
    List<String> lines = range(0, 500).stream().map(i -> "line " + i).toList();
    session.parallelize(lines, 4).saveAsTextFile(out.toString());
    assertThat(session.textFile(out.toString()).collect()).isEqualTo(lines);
  }

  @Test
  void saveAsTextFile_pairs_areWrittenAsSparkPrintsThem() throws IOException {
    Path out = dir.resolve("pairs");
    session.parallelize(List.of("a", "b"), 1).mapToPair(s -> Tuple2.of(s, s.length())).saveAsTextFile(
        out.toString());
    assertThat(Files.readAllLines(out.resolve("part-00000"))).containsExactly("(a,1)", "(b,1)");
  }

  @Test
  void saveAsTextFile_existingTarget_failsWithThePathAndLeavesItIntact() throws IOException {
    Path out = Files.createDirectory(dir.resolve("exists"));
    Files.writeString(out.resolve("keep.txt"), "precious");
    assertThatThrownBy(() -> session.parallelize(range(0, 3), 1).saveAsTextFile(out.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessage("Output directory file:" + out + " already exists");
    assertThat(listing(out)).containsExactly("keep.txt");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("precious");
    assertThat(listing(dir)).containsExactly("exists");
  }

  @Test
  void saveAsTextFile_existingFile_fails() throws IOException {
    Path out = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> session.parallelize(range(0, 3), 1).saveAsTextFile(out.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining(out.toString());
    assertThat(Files.readString(out)).isEqualTo("x");
  }

  @Test
  void saveAsTextFile_jobFailingMidWrite_leavesNoTargetAndNoTemporaryDirectory() throws IOException {
    Path out = dir.resolve("failed");
    RDD<Integer> failing = session.parallelize(range(0, 100), 4).map(x -> {
      if (x == 60) {
        throw new IllegalStateException("bad record " + x);
      }
      return x;
    });
    assertThatThrownBy(() -> failing.saveAsTextFile(out.toString()))
        .isInstanceOf(JobFailedException.class)
        .hasRootCauseMessage("bad record 60");
    assertThat(out).doesNotExist();
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void saveAsTextFile_failureWhileAnotherPartitionStillWrites_leavesNothing() throws Exception {
    Path out = dir.resolve("racing");
    KindlingSession once = KindlingSession.builder().master("local[2]")
        .config("kindling.task.max-attempts", 1L).create();
    try {
      RDD<Integer> rdd = once.parallelize(range(0, 400), 2).mapPartitionsWithIndex((index, it) -> {
        if (index == 1) {
          throw new IllegalStateException("partition 1 fails at once");
        }
        return slowly(it);
      });
      assertThatThrownBy(() -> rdd.saveAsTextFile(out.toString())).isInstanceOf(JobFailedException.class)
          .hasRootCauseMessage("partition 1 fails at once");
      assertThat(listing(dir)).isEmpty();
    } finally {
      // Stopping waits for the compute threads: partition 0's task has ended, however it ended (it may still have
      // been writing, or have started only after the abort).
      once.stop();
    }
    assertThat(listing(dir)).isEmpty();
  }

  /** Yields the elements one by one, each after a short pause. */
  private static java.util.Iterator<Integer> slowly(java.util.Iterator<Integer> it) {
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Integer next() {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return it.next();
      }
    };
  }

  @Test
  void saveAsTextFile_retriedPartition_writesItsPartOnce() throws IOException {
    Path out = dir.resolve("retried");
    session.parallelize(range(0, 6), 3).map(x -> {
      if (x == 3 && io.kindling.internal.lineage.TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("first attempt fails");
      }
      return x;
    }).saveAsTextFile(out.toString());
    assertThat(listing(out)).containsExactly("_SUCCESS", "part-00000", "part-00001", "part-00002");
    List<String> all = new ArrayList<>();
    for (String part : List.of("part-00000", "part-00001", "part-00002")) {
      all.addAll(Files.readAllLines(out.resolve(part)));
    }
    assertThat(all).containsExactly("0", "1", "2", "3", "4", "5");
  }

  @Test
  void saveAsTextFile_intoMissingParents_createsThem() {
    Path out = dir.resolve("a/b/c");
    session.parallelize(range(0, 2), 1).saveAsTextFile(out.toString());
    assertThat(out.resolve("_SUCCESS")).exists();
  }
}
