package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<String> read(byte[] data, long start, long end, byte[] sep) {
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    in.skip(start);
    List<String> lines = new ArrayList<>();
    LineReader r = new LineReader(in, start, end, sep);
    while (r.next()) {
      lines.add(new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static List<String> whole(byte[] data, byte[] sep) {
    return read(data, 0, Long.MAX_VALUE, sep);
  }

  @Test
  void next_mixedTerminators_endsLinesAtEachKind() {
    byte[] data = "a\nb\r\nc\rd\n\ne".getBytes(StandardCharsets.UTF_8);
    assertThat(whole(data, null)).containsExactly("a", "b", "c", "d", "", "e");
  }

  @Test
  void next_byteOrderMarkStartingTheFile_isDropped_elsewhereKept() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] data = (new String(bom, StandardCharsets.UTF_8) + "a\n" + new String(bom, StandardCharsets.UTF_8) + "b\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(whole(data, null)).containsExactly("a", "\uFEFFb");
    // A split that starts past the file's first byte has no byte order mark to drop.
    assertThat(read(data, 4, Long.MAX_VALUE, null)).containsExactly("\uFEFFb");
  }

  @Test
  void next_customSeparator_splitsOnlyThere() {
    byte[] data = "a||b\n||c||".getBytes(StandardCharsets.UTF_8);
    assertThat(whole(data, "||".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "b\n", "c");
  }

  @Test
  void splits_everyCutPoint_readEachLineExactlyOnce() {
    long seed = 42;
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 60; round++) {
      StringBuilder sb = new StringBuilder();
      int lines = random.nextInt(1, 30);
      for (int i = 0; i < lines; i++) {
        int len = random.nextInt(0, 12);
        for (int k = 0; k < len; k++) {
          sb.append((char) ('a' + random.nextInt(26)));
        }
        sb.append(switch (random.nextInt(3)) {
          case 0 -> "\n";
          case 1 -> "\r\n";
          default -> "\r";
        });
      }
      if (random.nextBoolean()) {
        sb.append("tail");
      }
      byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
      List<String> expected = whole(data, null);
      for (int cut = 1; cut < data.length; cut++) {
        List<String> got = new ArrayList<>(read(data, 0, cut, null));
        got.addAll(read(data, cut, data.length, null));
        assertThat(got).as("seed %s round %s cut %s in %s", seed, round, cut, Arrays.toString(data))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void next_lineLongerThanBuffer_isReadWhole() {
    String longLine = "x".repeat(600_000);
    byte[] data = (longLine + "\nshort\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(whole(data, null)).containsExactly(longLine, "short");
  }

  @Test
  void lineIterator_sameLinesAsBefore() {
    byte[] data = "\u00e9t\u00e9\nb\r\n".getBytes(StandardCharsets.UTF_8);
    LineIterator it = new LineIterator(new ByteArrayInputStream(data), 0, Long.MAX_VALUE);
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    assertThat(out).containsExactly("\u00e9t\u00e9", "b");
  }
}
