package io.kindling.engine.format.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvWriter;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir
  Path dir;

  private static void writeOne(OutputDirectory out, int partition, String content) throws IOException {
    try (OutputDirectory.TaskOutput task = out.task(partition, 0)) {
      try (OutputStream s = task.open("", out.partFileName(partition, ".txt"))) {
        s.write(content.getBytes(StandardCharsets.UTF_8));
      }
      task.commitTask();
    }
  }

  private static List<String> names(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).map(f -> p.relativize(f).toString()).sorted().toList();
    }
  }

  private static String contents(Path p) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String n : names(p)) {
      if (n.contains("part-")) {
        sb.append(Files.readString(p.resolve(n)));
      }
    }
    return sb.toString();
  }

  @Test
  void commit_newPath_movesPartsAndSuccessIntoPlace() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory out = OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS).orElseThrow();
    writeOne(out, 0, "a\n");
    writeOne(out, 1, "b\n");
    assertThat(target).doesNotExist();
    out.commit();
    assertThat(names(target)).hasSize(3).contains("_SUCCESS")
        .allMatch(n -> n.equals("_SUCCESS") || n.matches("part-0000[01]-[0-9a-f-]{36}-c000\\.txt"));
    assertThat(contents(target)).isEqualTo("a\nb\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(target);
    }
  }

  @Test
  void prepare_existingPathErrorIfExists_failsWithSparksMessage() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out"));
    assertThatThrownBy(() -> OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS))
        .hasMessage("[PATH_ALREADY_EXISTS] Path file:" + target + " already exists. Set mode as \"overwrite\" to "
            + "overwrite the existing path.");
  }

  @Test
  void prepare_existingPathIgnore_returnsEmpty() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out"));
    assertThat(OutputDirectory.prepare(target.toString(), SaveMode.IGNORE)).isEmpty();
    assertThat(OutputDirectory.prepare(dir.resolve("new").toString(), SaveMode.IGNORE)).isPresent();
  }

  @Test
  void overwrite_existingOutput_replacedAndOldDeleted() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory first = OutputDirectory.prepare(target.toString(), SaveMode.OVERWRITE).orElseThrow();
    writeOne(first, 0, "old\n");
    first.commit();
    OutputDirectory second = OutputDirectory.prepare(target.toString(), SaveMode.OVERWRITE).orElseThrow();
    writeOne(second, 0, "new\n");
    assertThat(contents(target)).isEqualTo("old\n");
    second.commit();
    assertThat(contents(target)).isEqualTo("new\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(target);
    }
  }

  @Test
  void abort_failedOverwrite_leavesPreviousContentsIntact() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory first = OutputDirectory.prepare(target.toString(), SaveMode.OVERWRITE).orElseThrow();
    writeOne(first, 0, "old\n");
    first.commit();
    List<String> before = names(target);
    OutputDirectory second = OutputDirectory.prepare(target.toString(), SaveMode.OVERWRITE).orElseThrow();
    writeOne(second, 0, "partial\n");
    try (OutputDirectory.TaskOutput task = second.task(1, 0)) {
      task.open("", second.partFileName(1, ".txt")).close();
      // the task fails: close() without commitTask() aborts it
    }
    second.abort();
    assertThat(names(target)).isEqualTo(before);
    assertThat(contents(target)).isEqualTo("old\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(target);
    }
  }

  @Test
  void commit_failedAttemptThenRetry_keepsOnlyTheSuccessfulAttempt() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory out = OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS).orElseThrow();
    OutputDirectory.TaskOutput failed = out.task(0, 0);
    try (OutputStream s = failed.open("", out.partFileName(0, ".txt"))) {
      s.write("half".getBytes(StandardCharsets.UTF_8));
    }
    // attempt 0 died without cleaning up; attempt 1 succeeds
    try (OutputDirectory.TaskOutput task = out.task(0, 1)) {
      try (OutputStream s = task.open("", out.partFileName(0, ".txt"))) {
        s.write("whole\n".getBytes(StandardCharsets.UTF_8));
      }
      task.commitTask();
    }
    out.commit();
    assertThat(names(target)).hasSize(2);
    assertThat(contents(target)).isEqualTo("whole\n");
  }

  @Test
  void append_existingOutput_addsFiles() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory first = OutputDirectory.prepare(target.toString(), SaveMode.APPEND).orElseThrow();
    writeOne(first, 0, "a\n");
    first.commit();
    OutputDirectory second = OutputDirectory.prepare(target.toString(), SaveMode.APPEND).orElseThrow();
    writeOne(second, 0, "b\n");
    second.commit();
    assertThat(names(target)).hasSize(3);
    assertThat(contents(target).lines().sorted().toList()).containsExactly("a", "b");
  }

  @Test
  void saveMode_sparkNames_parsed() {
    assertThat(SaveMode.fromString("Overwrite")).isEqualTo(SaveMode.OVERWRITE);
    assertThat(SaveMode.fromString("errorifexists")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
    assertThat(SaveMode.fromString("default")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
    assertThat(SaveMode.fromString("append")).isEqualTo(SaveMode.APPEND);
    assertThat(SaveMode.fromString("ignore")).isEqualTo(SaveMode.IGNORE);
    assertThatThrownBy(() -> SaveMode.fromString("replace")).hasMessageContaining("Unknown save mode: replace");
  }

  @Test
  void partitionedWriter_partitionBy_writesHiveDirectoriesWithoutPartitionColumns() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory out = OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS).orElseThrow();
    CsvOptions options = CsvOptions.from(FormatOptions.of("header", "true"));
    StructType schema = StructType.fromDDL("v STRING, p STRING, y INT");
    try (OutputDirectory.TaskOutput task = out.task(0, 0)) {
      try (PartitionedWriter w = new PartitionedWriter(task, out.partFileName(0, ".csv", true), schema,
          List.of("y", "p"), CsvWriter.factory(options), Compression.NONE)) {
        w.write(new Object[] {"a", "x/y", 1});
        w.write(new Object[] {"b", null, 1});
        w.write(new Object[] {"c", "x/y", 1});
      }
      task.commitTask();
    }
    out.commit();
    List<String> files = names(target);
    assertThat(files).hasSize(3).contains("_SUCCESS");
    assertThat(files).anyMatch(f -> f.matches("y=1/p=x%2Fy/part-00000-[0-9a-f-]{36}\\.c000\\.csv"))
        .anyMatch(f -> f.startsWith("y=1/p=__HIVE_DEFAULT_PARTITION__/part-00000-"));
    String first = files.stream().filter(f -> f.startsWith("y=1/p=x%2Fy/")).findFirst().orElseThrow();
    assertThat(Files.readString(target.resolve(first))).isEqualTo("v\na\nc\n");
    PartitionDiscovery.Partitions found = PartitionDiscovery.discover(target, java.time.ZoneOffset.UTC);
    assertThat(found.schema().simpleString()).isEqualTo("struct<y:int,p:string>");
    assertThat(found.files()).hasSize(2);
  }

  @Test
  void compression_gzip_addsExtensionAndCompresses() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory out = OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS).orElseThrow();
    Compression gzip = Compression.fromOptions(FormatOptions.of("compression", "GZIP"));
    try (OutputDirectory.TaskOutput task = out.task(0, 0)) {
      try (PartitionedWriter w = new PartitionedWriter(task, out.partFileName(0, ".csv"),
          StructType.fromDDL("a INT"), List.of(), CsvWriter.factory(CsvOptions.from(FormatOptions.empty())), gzip)) {
        w.write(new Object[] {7});
      }
      task.commitTask();
    }
    out.commit();
    String part = names(target).stream().filter(n -> n.startsWith("part-")).findFirst().orElseThrow();
    assertThat(part).endsWith("-c000.csv.gz");
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(target.resolve(part)))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("7\n");
    }
    assertThatThrownBy(() -> Compression.fromOptions(FormatOptions.of("codec", "snappy")))
        .hasMessageContaining("snappy");
  }
}
