package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobListener;
import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code textFile} end to end: every kind of path, compression, splitting, and incremental {@code take}. */
class TextFileTest {
  private static KindlingSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("textFile").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<String> lines(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }

  private static Path write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static void writeCompressed(OutputStream out, List<String> lines) throws IOException {
    try (out) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void textFile_singleFile_givesItsLines() throws IOException {
    Path f = write(dir.resolve("a.txt"), lines("a", 100));
    RDD<String> rdd = session.textFile(f.toString());
    assertThat(rdd.getNumPartitions()).isEqualTo(2);
    assertThat(rdd.collect()).isEqualTo(lines("a", 100));
  }

  @Test
  void textFile_minPartitions_givesAtLeastThatMany() throws IOException {
    Path f = write(dir.resolve("a.txt"), lines("line-", 1000));
    RDD<String> rdd = session.textFile(f.toString(), 7);
    assertThat(rdd.getNumPartitions()).isGreaterThanOrEqualTo(7);
    assertThat(rdd.collect()).isEqualTo(lines("line-", 1000));
  }

  @Test
  void textFile_minPartitionsBelowOne_fails() {
    assertThatThrownBy(() -> session.textFile(dir.toString(), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textFile_directory_readsItsVisibleFilesInNameOrder() throws IOException {
    write(dir.resolve("in/b.txt"), List.of("b1", "b2"));
    write(dir.resolve("in/a.txt"), List.of("a1"));
    write(dir.resolve("in/_SUCCESS"), List.of("not data"));
    write(dir.resolve("in/.a.txt.crc"), List.of("not data"));
    assertThat(session.textFile(dir.resolve("in").toString()).collect()).containsExactly("a1", "b1", "b2");
  }

  @Test
  void textFile_glob_readsMatchingFiles() throws IOException {
    write(dir.resolve("logs/2024-01.log"), List.of("jan"));
    write(dir.resolve("logs/2024-02.log"), List.of("feb"));
    write(dir.resolve("logs/2023-12.log"), List.of("dec"));
    write(dir.resolve("logs/notes.txt"), List.of("notes"));
    assertThat(session.textFile(dir.resolve("logs/2024-*.log").toString()).collect()).containsExactly("jan", "feb");
    assertThat(session.textFile(dir.resolve("logs/202?-1?.log").toString()).collect()).containsExactly("dec");
  }

  @Test
  void textFile_commaSeparatedList_readsEachInOrder() throws IOException {
    Path a = write(dir.resolve("a.txt"), List.of("a"));
    Path b = write(dir.resolve("sub/b.txt"), List.of("b"));
    Path c = write(dir.resolve("other/c.log"), List.of("c"));
    String paths = c + "," + a + "," + dir.resolve("sub");
    assertThat(session.textFile(paths).collect()).containsExactly("c", "a", "b");
    assertThat(b).exists();
  }

  @Test
  void textFile_gzip_isDecompressed() throws IOException {
    Path gz = dir.resolve("data.txt.gz");
    writeCompressed(new GZIPOutputStream(Files.newOutputStream(gz)), lines("g", 5000));
    RDD<String> rdd = session.textFile(gz.toString(), 4);
    assertThat(rdd.getNumPartitions()).isEqualTo(1);
    assertThat(rdd.collect()).isEqualTo(lines("g", 5000));
  }

  @Test
  void textFile_bzip2_isDecompressed() throws IOException {
    Path bz = dir.resolve("data.txt.bz2");
    writeCompressed(new BZip2CompressorOutputStream(Files.newOutputStream(bz)), lines("z", 5000));
    RDD<String> rdd = session.textFile(bz.toString(), 4);
    assertThat(rdd.getNumPartitions()).isEqualTo(1);
    assertThat(rdd.count()).isEqualTo(5000);
    assertThat(rdd.collect()).isEqualTo(lines("z", 5000));
  }

  @Test
  void textFile_mixOfPlainAndCompressed_readsAll() throws IOException {
    write(dir.resolve("mix/1.txt"), List.of("plain"));
    writeCompressed(new GZIPOutputStream(Files.newOutputStream(dir.resolve("mix/2.gz"))), List.of("gzipped"));
    writeCompressed(new BZip2CompressorOutputStream(Files.newOutputStream(dir.resolve("mix/3.bz2"))),
        List.of("bzipped"));
    assertThat(session.textFile(dir.resolve("mix").toString()).collect())
        .containsExactly("plain", "gzipped", "bzipped");
  }

  @Test
  void textFile_bigPlainFile_isSplitIntoSeveralPartitionsWithEveryLineOnce() throws IOException {
    List<String> expected = lines("record number ", 20_000);
    Path big = write(dir.resolve("big.txt"), expected);
    try (KindlingSession small = KindlingSession.builder().master("local[2]")
        .config("kindling.input.max-split-bytes", "16k").create()) {
      RDD<String> rdd = small.textFile(big.toString());
      long size = Files.size(big);
      assertThat(rdd.getNumPartitions()).isGreaterThanOrEqualTo((int) (size / (16 * 1024)));
      List<List<String>> parts = rdd.glom().collect();
      assertThat(parts).hasSizeGreaterThan(10).allSatisfy(p -> assertThat(p).isNotEmpty());
      List<String> all = new ArrayList<>();
      parts.forEach(all::addAll);
      assertThat(all).isEqualTo(expected);
      assertThat(rdd.count()).isEqualTo(20_000);
    }
  }

  @Test
  void textFile_crlfFileSplitAtOddOffsets_givesEveryLineOnce() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String line = "r" + i + "x".repeat(i % 13);
      expected.add(line);
      text.append(line).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    Path f = dir.resolve("crlf.txt");
    Files.writeString(f, text);
    try (KindlingSession small = KindlingSession.builder().master("local[2]")
        .config("kindling.input.max-split-bytes", 997L).create()) {
      RDD<String> rdd = small.textFile(f.toString());
      assertThat(rdd.getNumPartitions()).isGreaterThan(20);
      assertThat(rdd.collect()).isEqualTo(expected);
    }
  }

  @Test
  void textFile_emptyFile_isEmpty() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.txt"));
    assertThat(session.textFile(f.toString()).collect()).isEmpty();
    assertThat(session.textFile(f.toString()).isEmpty()).isTrue();
  }

  @Test
  void textFile_emptyDirectory_hasNoPartitions() throws IOException {
    Path d = Files.createDirectory(dir.resolve("nothing"));
    RDD<String> rdd = session.textFile(d.toString());
    assertThat(rdd.getNumPartitions()).isZero();
    assertThat(rdd.count()).isZero();
  }

  @Test
  void textFile_missingPath_failsAtTheActionWithThePath() {
    Path missing = dir.resolve("no/such/file.txt");
    RDD<Integer> lengths = session.textFile(missing.toString()).map(String::length);
    assertThatThrownBy(lengths::collect).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Input path does not exist: file:" + missing);
  }

  @Test
  void textFile_missingPath_underUnionAndCoalesce_stillFailsOnlyAtTheAction() {
    Path missing = dir.resolve("absent");
    RDD<String> lazy = session.textFile(missing.toString()).union(session.parallelize(List.of("x"), 1))
        .coalesce(1);
    assertThatThrownBy(lazy::count).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Input path does not exist: file:" + missing);
  }

  @Test
  void textFile_globMatchingNothing_failsWithThePattern() {
    Path pattern = dir.resolve("*.nothing");
    assertThatThrownBy(() -> session.textFile(pattern.toString()).count()).isInstanceOf(KindlingException.class)
        .hasMessageContaining(pattern.toString());
  }

  @Test
  void textFile_fileDeletedAfterListing_failsTheJobWithTheReadError() throws IOException {
    Path f = write(dir.resolve("gone.txt"), List.of("x"));
    RDD<String> rdd = session.textFile(f.toString(), 1);
    assertThat(rdd.getNumPartitions()).isEqualTo(1);
    Files.delete(f);
    assertThatThrownBy(rdd::collect).isInstanceOf(io.kindling.JobFailedException.class)
        .hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("HadoopRDD");
  }

  @Test
  void take1_onThousandFileDirectory_readsOnlyTheFirstFile() throws IOException {
    Path many = Files.createDirectory(dir.resolve("many"));
    for (int i = 0; i < 1000; i++) {
      write(many.resolve(String.format("part-%04d.txt", i)), List.of("file " + i, "more"));
    }
    RDD<String> rdd = session.textFile(many.toString());
    assertThat(rdd.getNumPartitions()).isEqualTo(1000);
    // Proof that no other file is opened: after listing, all but the first are gone.
    for (int i = 1; i < 1000; i++) {
      Files.delete(many.resolve(String.format("part-%04d.txt", i)));
    }
    List<Integer> computed = new CopyOnWriteArrayList<>();
    JobListener listener = new JobListener() {
      @Override
      public void onPartitionCompleted(PartitionCompleted event) {
        computed.add(event.partition());
      }
    };
    session.addListener(listener);
    try {
      assertThat(rdd.take(1)).containsExactly("file 0");
      assertThat(rdd.first()).isEqualTo("file 0");
    } finally {
      session.removeListener(listener);
    }
    assertThat(computed).containsExactly(0, 0);
  }

  @Test
  void textFile_utf8AndLineEndings_areReadAsSparkDoes() throws IOException {
    Path f = dir.resolve("text.txt");
    Files.write(f, "grüße\r\n日本語\rlast".getBytes(StandardCharsets.UTF_8));
    assertThat(session.textFile(f.toString()).collect()).containsExactly("grüße", "日本語", "last");
  }

  @Test
  void textFile_fileUri_isAccepted() throws IOException {
    Path f = write(dir.resolve("u.txt"), List.of("via uri"));
    assertThat(session.textFile(f.toUri().toString()).collect()).containsExactly("via uri");
  }

  @Test
  void toDebugString_showsThePathAndCallSite() throws IOException {
    Path f = write(dir.resolve("d.txt"), List.of("x"));
    RDD<String> rdd = session.textFile(f.toString());
    assertThat(rdd.toDebugString()).matches("\\(2\\) " + java.util.regex.Pattern.quote(f.toString())
        + " HadoopRDD\\[\\d+] at textFile at TextFileTest.java:\\d+ \\[]");
  }
}
