package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIteratorTest {

  /** The lines of {@code bytes[start, end)} as one split reads them (the stream starts at {@code start}). */
  private static List<String> linesOf(byte[] bytes, long start, long end) {
    InputStream in = new ByteArrayInputStream(bytes, (int) start, bytes.length - (int) start);
    List<String> lines = new ArrayList<>();
    LineIterator it = new LineIterator(in, start, end);
    it.forEachRemaining(lines::add);
    return lines;
  }

  private static List<String> whole(String text) {
    return linesOf(text.getBytes(StandardCharsets.UTF_8), 0, Long.MAX_VALUE);
  }

  @Test
  void wholeStream_newlineEndings_givesEachLine() {
    assertThat(whole("a\nbb\nccc\n")).containsExactly("a", "bb", "ccc");
  }

  @Test
  void wholeStream_crlfEndings_givesEachLineWithoutCarriageReturn() {
    assertThat(whole("a\r\nbb\r\nccc\r\n")).containsExactly("a", "bb", "ccc");
  }

  @Test
  void wholeStream_bareCarriageReturnEndings_givesEachLine() {
    assertThat(whole("a\rbb\rccc")).containsExactly("a", "bb", "ccc");
  }

  @Test
  void wholeStream_mixedEndings_givesEachLine() {
    assertThat(whole("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void wholeStream_noTrailingNewline_givesLastLine() {
    assertThat(whole("a\nlast")).containsExactly("a", "last");
  }

  @Test
  void wholeStream_emptyLines_areKept() {
    assertThat(whole("\n\na\n\n")).containsExactly("", "", "a", "");
  }

  @Test
  void wholeStream_crThenLf_isOneTerminatorButLfThenCrIsTwo() {
    assertThat(whole("a\r\nb\n\rc")).containsExactly("a", "b", "", "c");
  }

  @Test
  void wholeStream_empty_givesNoLine() {
    assertThat(whole("")).isEmpty();
  }

  @Test
  void wholeStream_singleNewline_givesOneEmptyLine() {
    assertThat(whole("\n")).containsExactly("");
  }

  @Test
  void wholeStream_multiByteUtf8_isDecoded() {
    assertThat(whole("grüße\n日本語\r\n😀")).containsExactly("grüße", "日本語", "😀");
  }

  @Test
  void wholeStream_lineLongerThanBuffer_isReadWhole() {
    String longLine = "x".repeat(200_000);
    assertThat(whole(longLine + "\n" + "y\n" + longLine)).containsExactly(longLine, "y", longLine);
  }

  @Test
  void wholeStream_crlfAcrossBufferBoundary_isOneTerminator() {
    // The 64 KiB read buffer ends between \r and \n.
    String first = "z".repeat(64 * 1024 - 1);
    assertThat(whole(first + "\r\nnext\n")).containsExactly(first, "next");
  }

  @Test
  void next_afterLastLine_throwsNoSuchElement() {
    LineIterator it = new LineIterator(new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)), 0,
        Long.MAX_VALUE);
    assertThat(it.next()).isEqualTo("a");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void split_notAtStart_skipsItsFirstPartialLine() {
    byte[] bytes = "alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8);
    // Split [2, 8) starts inside "alpha": it skips to "beta" (which starts before its end) and stops.
    assertThat(linesOf(bytes, 2, 8)).containsExactly("beta");
  }

  @Test
  void split_endingExactlyAtLineStart_readsThatLineToo() {
    byte[] bytes = "alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8);
    // "beta" starts at byte 6: the split [0, 6) reads it, and the split starting at 6 skips it.
    assertThat(linesOf(bytes, 0, 6)).containsExactly("alpha", "beta");
    assertThat(linesOf(bytes, 6, bytes.length)).containsExactly("gamma");
  }

  /** Every way of cutting the file in two, at every byte offset, gives each line exactly once. */
  @Test
  void splits_atEveryByteOffset_giveEachLineExactlyOnce() {
    String[] texts = {
        "one\ntwo\nthree\n",
        "one\r\ntwo\r\nthree",
        "one\rtwo\rthree\r",
        "a\n\nb\r\n\r\nc\r\rd",
        "\r\n\r\n",
        "x",
        "grüße\r\n日本\nend",
    };
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      List<String> expected = whole(text);
      for (int cut = 1; cut <= bytes.length; cut++) {
        List<String> got = new ArrayList<>(linesOf(bytes, 0, cut));
        got.addAll(linesOf(bytes, cut, bytes.length));
        assertThat(got).as("text %s cut at %d", Arrays.toString(bytes), cut).isEqualTo(expected);
      }
    }
  }

  /** Random texts cut into 1..6 splits at random offsets read every line once, in order. */
  @Test
  void splits_atRandomOffsetsOfRandomTexts_giveEachLineExactlyOnce() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String alphabet = "ab\r\n\n\rü";
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      // Distinct cut points, as a splitter makes them: splits are never empty.
      java.util.TreeSet<Integer> points = new java.util.TreeSet<>(List.of(0, bytes.length));
      int extra = random.nextInt(6);
      for (int i = 0; i < extra && bytes.length > 1; i++) {
        points.add(1 + random.nextInt(bytes.length - 1));
      }
      int[] cuts = points.stream().mapToInt(Integer::intValue).toArray();
      int pieces = cuts.length - 1;
      List<String> got = new ArrayList<>();
      for (int i = 0; i < pieces; i++) {
        got.addAll(linesOf(bytes, cuts[i], cuts[i + 1]));
      }
      assertThat(got).as("seed %d, round %d, cuts %s", seed, round, Arrays.toString(cuts))
          .isEqualTo(whole(text.toString()));
    }
  }
}
