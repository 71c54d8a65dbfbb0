package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSplitterTest {
  @TempDir
  Path dir;

  private Path file(String name, int bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, new byte[bytes]);
    return p;
  }

  @Test
  void split_oneFileTwoPartitions_cutsInHalf() throws IOException {
    Path f = file("a.txt", 100);
    assertThat(FileSplitter.split(List.of(f), 2, 32 << 20)).containsExactly(
        new FileSplit(f.toString(), 0, 50, false),
        new FileSplit(f.toString(), 50, 50, false));
  }

  @Test
  void split_lastPieceWithinTenPercentSlop_isMergedIntoLastSplit() throws IOException {
    Path f = file("a.txt", 105);
    // Goal 52 (105 / 2): 105/52 > 1.1 so cut once; the remaining 53 is within the slop.
    assertThat(FileSplitter.split(List.of(f), 2, 32 << 20)).containsExactly(
        new FileSplit(f.toString(), 0, 52, false),
        new FileSplit(f.toString(), 52, 53, false));
  }

  @Test
  void split_maxSplitBytes_capsTheSplitSize() throws IOException {
    Path f = file("big.txt", 1000);
    List<FileSplit> splits = FileSplitter.split(List.of(f), 1, 100);
    assertThat(splits).hasSize(10);
    assertThat(splits).allSatisfy(s -> assertThat(s.length()).isEqualTo(100));
  }

  @Test
  void split_anyFile_splitsAreContiguousAndCoverIt() throws IOException {
    Path f = file("odd.txt", 9_999);
    for (int min = 1; min <= 17; min++) {
      for (long max : new long[] {1, 7, 333, 10_000}) {
        List<FileSplit> splits = FileSplitter.split(List.of(f), min, max);
        long next = 0;
        for (FileSplit s : splits) {
          assertThat(s.start()).as("min %d max %d", min, max).isEqualTo(next);
          assertThat(s.length()).isPositive();
          next = s.end();
        }
        assertThat(next).isEqualTo(9_999);
      }
    }
  }

  @Test
  void split_severalFiles_goalIsTotalOverMinPartitions() throws IOException {
    Path a = file("a.txt", 60);
    Path b = file("b.txt", 40);
    // Total 100 over 4 partitions: 25-byte splits; 60 = 25 + 25 + 10, 40 = 25 + 15.
    assertThat(FileSplitter.split(List.of(a, b), 4, 1 << 20)).extracting(FileSplit::path, FileSplit::length)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.toString(), 25L),
            org.assertj.core.groups.Tuple.tuple(a.toString(), 25L),
            org.assertj.core.groups.Tuple.tuple(a.toString(), 10L),
            org.assertj.core.groups.Tuple.tuple(b.toString(), 25L),
            org.assertj.core.groups.Tuple.tuple(b.toString(), 15L));
  }

  @Test
  void split_compressedFiles_areOneSplitEach() throws IOException {
    Path gz = file("a.txt.gz", 1000);
    Path bz = file("b.bz2", 1000);
    assertThat(FileSplitter.split(List.of(gz, bz), 8, 10)).containsExactly(
        new FileSplit(gz.toString(), 0, 1000, true),
        new FileSplit(bz.toString(), 0, 1000, true));
  }

  @Test
  void split_emptyFile_isOneEmptySplit() throws IOException {
    Path e = file("empty.txt", 0);
    assertThat(FileSplitter.split(List.of(e), 4, 100)).containsExactly(new FileSplit(e.toString(), 0, 0, false));
  }

  @Test
  void split_noFiles_givesNoSplits() {
    assertThat(FileSplitter.split(List.of(), 2, 100)).isEmpty();
  }

  @Test
  void split_morePartitionsThanBytes_givesOneBytePieces() throws IOException {
    Path f = file("tiny.txt", 3);
    assertThat(FileSplitter.split(List.of(f), 10, 100)).hasSize(3);
  }

  @Test
  void isCompressed_knowsGzAndBz2Only() {
    assertThat(FileSplitter.isCompressed("/x/a.gz")).isTrue();
    assertThat(FileSplitter.isCompressed("/x/a.txt.bz2")).isTrue();
    assertThat(FileSplitter.isCompressed("/x/a.txt")).isFalse();
    assertThat(FileSplitter.isCompressed("/x/a.zip")).isFalse();
  }
}
