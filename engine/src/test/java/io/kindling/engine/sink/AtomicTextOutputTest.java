package io.kindling.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.format.output.OutputDirectory;
import io.kindling.engine.format.output.SaveMode;
import io.kindling.engine.task.TaskOutcome;
import io.kindling.engine.task.Tasks;
import io.kindling.internal.Iterators;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicTextOutputTest {
  @TempDir
  Path dir;

  private static LineageNode<Object> data(List<Object> values, int slices) {
    return new ParallelCollectionNode<>(0, "parallelize at T.java:1", values, slices);
  }

  private List<String> listing(Path p) throws IOException {
    try (Stream<Path> files = Files.list(p)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static void writeAll(AtomicTextOutput out, LineageNode<Object> node) {
    for (int p = 0; p < node.numPartitions(); p++) {
      TaskOutcome outcome = Tasks.run(node, p, 0, out.partWriter());
      assertThat(outcome).isInstanceOf(TaskOutcome.Succeeded.class);
    }
  }

  @Test
  void commit_afterAllParts_writesPartsAndSuccessMarker() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    assertThat(target).doesNotExist();
    writeAll(out, data(List.of(1, "two", 3.0), 2));
    assertThat(target).doesNotExist();
    out.commit();
    assertThat(listing(target)).containsExactly("_SUCCESS", "part-00000", "part-00001");
    assertThat(Files.readString(target.resolve("part-00000"))).isEqualTo("1\n");
    assertThat(Files.readString(target.resolve("part-00001"))).isEqualTo("two\n3.0\n");
    assertThat(Files.size(target.resolve("_SUCCESS"))).isZero();
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void partWriter_returnsLinesWritten_andWritesEmptyPartsForEmptyPartitions() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    LineageNode<Object> node = data(List.of("a", "b"), 3);
    TaskOutcome first = Tasks.run(node, 0, 0, out.partWriter());
    assertThat(((TaskOutcome.Succeeded) first).value()).isEqualTo(0L);
    Tasks.run(node, 1, 0, out.partWriter());
    Tasks.run(node, 2, 0, out.partWriter());
    out.commit();
    assertThat(Files.size(target.resolve("part-00000"))).isZero();
  }

  @Test
  void create_existingTarget_failsWithPathAndLeavesItIntact() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out"));
    Files.writeString(target.resolve("keep.txt"), "precious");
    assertThatThrownBy(() -> AtomicTextOutput.create(target.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessage("Output directory file:" + target + " already exists");
    assertThat(listing(dir)).containsExactly("out");
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("precious");
  }

  @Test
  void create_existingFileAsTarget_fails() throws IOException {
    Path target = Files.writeString(dir.resolve("out"), "x");
    assertThatThrownBy(() -> AtomicTextOutput.create(target.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining(target.toString());
  }

  @Test
  void create_missingParents_areCreated() {
    Path target = dir.resolve("a/b/out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    out.commit();
    assertThat(target.resolve("_SUCCESS")).exists();
  }

  @Test
  void abort_removesEverythingWritten() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    writeAll(out, data(List.of(1, 2, 3), 3));
    out.abort();
    assertThat(target).doesNotExist();
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void abort_twice_isHarmless() {
    AtomicTextOutput out = AtomicTextOutput.create(dir.resolve("out").toString());
    out.abort();
    out.abort();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void partWriter_startingAfterTheJobWasAborted_failsAndRecreatesNothing() throws IOException {
    // A task of a failed job may start after the job's output was aborted.
    AtomicTextOutput out = AtomicTextOutput.create(dir.resolve("out").toString());
    out.abort();
    TaskOutcome late = Tasks.run(data(List.of(1, 2), 1), 0, 0, out.partWriter());
    assertThat(late).isInstanceOf(TaskOutcome.Failed.class);
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void outputDirectory_partitionedFileAfterAbort_failsAndRecreatesNothing() throws IOException {
    OutputDirectory output = OutputDirectory.prepare(dir.resolve("table").toString(), SaveMode.ERROR_IF_EXISTS)
        .orElseThrow();
    output.abort();
    try (OutputDirectory.TaskOutput task = output.task(0, 0)) {
      assertThatThrownBy(() -> task.open("year=2024/month=1", "part-00000.csv"))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void outputDirectory_partitionedFiles_shareTheirDirectories() throws IOException {
    OutputDirectory output = OutputDirectory.prepare(dir.resolve("table").toString(), SaveMode.ERROR_IF_EXISTS)
        .orElseThrow();
    for (int p = 0; p < 2; p++) {
      try (OutputDirectory.TaskOutput task = output.task(p, 0)) {
        task.open("year=2024/month=1", "part-0000" + p).close();
        task.commitTask();
      }
    }
    output.commit();
    assertThat(listing(dir.resolve("table/year=2024/month=1"))).containsExactly("part-00000", "part-00001");
  }

  @Test
  void partWriter_failingAttempt_leavesNoFileAndRetryWritesThePart() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    // Fails on the second element, after the first was written.
    LineageNode<Object> failing = new MapPartitionsNode<Object, Object>(1, "map at T.java:2", data(List.of(1, 2),
        1), (p, it) -> Iterators.map(it, AtomicTextOutputTest::failOnTwo));
    TaskOutcome outcome = Tasks.run(failing, 0, 0, out.partWriter());
    assertThat(outcome).isInstanceOf(TaskOutcome.Failed.class);
    Tasks.run(data(List.of("retried"), 1), 0, 1, out.partWriter());
    out.commit();
    assertThat(listing(target)).containsExactly("_SUCCESS", "part-00000");
    assertThat(Files.readString(target.resolve("part-00000"))).isEqualTo("retried\n");
  }

  private static Object failOnTwo(Object x) {
    if (x.equals(2)) {
      throw new IllegalStateException("boom");
    }
    return x;
  }

  @Test
  void commit_whenTargetAppearedMeanwhile_failsAndKeepsTheOtherOutput() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    writeAll(out, data(List.of(1), 1));
    Files.createDirectory(target);
    Files.writeString(target.resolve("theirs"), "x");
    assertThatThrownBy(out::commit).isInstanceOf(KindlingException.class)
        .hasMessageContaining("file:" + target)
        .hasMessageContaining("already exists");
    assertThat(listing(target)).containsExactly("theirs");
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void commit_whenEmptyTargetDirectoryAppearedMeanwhile_failsAndLeavesIt() throws IOException {
    Path target = dir.resolve("out");
    AtomicTextOutput out = AtomicTextOutput.create(target.toString());
    writeAll(out, data(List.of(1), 1));
    Files.createDirectory(target);
    assertThatThrownBy(out::commit).isInstanceOf(KindlingException.class)
        .hasMessageContaining("already exists");
    assertThat(listing(target)).isEmpty();
    assertThat(listing(dir)).containsExactly("out");
  }
}
