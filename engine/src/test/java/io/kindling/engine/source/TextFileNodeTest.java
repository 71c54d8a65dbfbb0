package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.task.Tasks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileNodeTest {
  @TempDir
  Path dir;

  private static TextFileNode node(String paths, int minPartitions, long maxSplitBytes) {
    return new TextFileNode(0, "textFile at Test.java:1", paths, minPartitions, maxSplitBytes);
  }

  private static List<String> numbered(int n) {
    return IntStream.range(0, n).mapToObj(i -> "line " + i).collect(Collectors.toList());
  }

  private static void write(OutputStream out, List<String> lines) throws IOException {
    try (out) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void compute_plainFile_givesItsLines() throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "x\r\ny\nz");
    TextFileNode node = node(f.toString(), 1, 1 << 20);
    assertThat(node.numPartitions()).isEqualTo(1);
    assertThat(Tasks.computeAll(node)).containsExactly("x", "y", "z");
  }

  @Test
  void compute_gzipFile_isDecompressed() throws IOException {
    Path f = dir.resolve("a.txt.gz");
    write(new GZIPOutputStream(Files.newOutputStream(f)), numbered(1000));
    TextFileNode node = node(f.toString(), 4, 100);
    assertThat(node.numPartitions()).isEqualTo(1);
    assertThat(Tasks.computeAll(node)).isEqualTo(numbered(1000));
  }

  @Test
  void compute_bzip2File_isDecompressed() throws IOException {
    Path f = dir.resolve("a.bz2");
    write(new BZip2CompressorOutputStream(Files.newOutputStream(f)), numbered(1000));
    TextFileNode node = node(f.toString(), 4, 100);
    assertThat(node.numPartitions()).isEqualTo(1);
    assertThat(Tasks.computeAll(node)).isEqualTo(numbered(1000));
  }

  @Test
  void compute_concatenatedGzipMembers_readsAllOfThem() throws IOException {
    Path f = dir.resolve("multi.gz");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(new GZIPOutputStream(bytes), List.of("first"));
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    write(new GZIPOutputStream(second), List.of("second"));
    bytes.write(second.toByteArray());
    Files.write(f, bytes.toByteArray());
    assertThat(Tasks.computeAll(node(f.toString(), 1, 1 << 20))).containsExactly("first", "second");
  }

  @Test
  void compute_bigPlainFile_isSplitWithEveryLineOnce() throws IOException {
    Path f = dir.resolve("big.txt");
    List<String> lines = numbered(5000);
    write(Files.newOutputStream(f), lines);
    TextFileNode node = node(f.toString(), 2, 4096);
    assertThat(node.numPartitions()).isGreaterThan(10);
    List<String> all = new ArrayList<>();
    for (int p = 0; p < node.numPartitions(); p++) {
      List<String> part = Tasks.compute(node, p);
      assertThat(part).as("partition %d", p).isNotEmpty();
      all.addAll(part);
    }
    assertThat(all).isEqualTo(lines);
  }

  @Test
  void compute_emptyFile_givesOneEmptyPartition() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.txt"));
    TextFileNode node = node(f.toString(), 2, 1 << 20);
    assertThat(node.numPartitions()).isEqualTo(1);
    assertThat(Tasks.computeAll(node)).isEmpty();
  }

  @Test
  void numPartitions_missingPath_failsWithThePath() {
    Path missing = dir.resolve("missing.txt");
    TextFileNode node = node(missing.toString(), 2, 1 << 20);
    assertThatThrownBy(node::numPartitions).isInstanceOf(KindlingException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void serialization_carriesTheListedSplits() throws Exception {
    Path f = dir.resolve("a.txt");
    write(Files.newOutputStream(f), numbered(100));
    TextFileNode node = node(f.toString(), 3, 1 << 20);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(node);
    }
    // Once listed, the files may change: the copy reads the splits it was shipped with.
    List<FileSplit> splits = node.splits();
    Files.delete(f);
    write(Files.newOutputStream(f), numbered(100));
    TextFileNode copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TextFileNode) in.readObject();
    }
    assertThat(copy.splits()).isEqualTo(splits);
    assertThat(Tasks.computeAll(copy)).isEqualTo(numbered(100));
  }

  @Test
  void describe_printsPathAsLabel() {
    TextFileNode node = node("/data/*.txt", 2, 100);
    assertThat(node.label()).isEqualTo("/data/*.txt");
    assertThat(node.describe()).isEqualTo("HadoopRDD[0] at textFile at Test.java:1");
  }
}
