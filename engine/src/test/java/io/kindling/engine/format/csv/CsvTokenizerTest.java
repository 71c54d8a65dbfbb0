package io.kindling.engine.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {
  private static String[] fields(CsvTokenizer t, byte[] buf, int from, int to) {
    t.tokenize(buf, from, to);
    String[] out = t.toStrings(StandardCharsets.UTF_8);
    String[] marked = new String[out.length];
    for (int i = 0; i < out.length; i++) {
      marked[i] = (t.quoted[i] ? "q:" : "") + out[i];
    }
    return marked;
  }

  @Test
  void tokenize_wordAtATimePath_sameFieldsAsTheGeneralPath() {
    // Trimming turns the fast path off; the lines have no whitespace, so trimming changes nothing else.
    CsvTokenizer fast = new CsvTokenizer(CsvOptions.from(FormatOptions.empty()), false);
    CsvTokenizer general = new CsvTokenizer(CsvOptions.from(FormatOptions.of("ignoreLeadingWhiteSpace", "true",
        "ignoreTrailingWhiteSpace", "true")), false);
    long seed = 61122L;
    SplittableRandom r = new SplittableRandom(seed);
    byte[] alphabet = ",,,ab-9\"\\".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 20_000; round++) {
      byte[] buf = new byte[r.nextInt(0, 48)];
      boolean quotes = r.nextInt(4) == 0;
      for (int i = 0; i < buf.length; i++) {
        byte c = alphabet[r.nextInt(alphabet.length)];
        buf[i] = !quotes && (c == '"' || c == '\\') ? (byte) 'x' : c;
      }
      int from = buf.length == 0 ? 0 : r.nextInt(0, buf.length + 1);
      int to = from + r.nextInt(0, buf.length - from + 1);
      // Bytes around the line (delimiters, quotes) must not be read as part of it.
      String[] expected = fields(general, buf, from, to);
      assertThat(fields(fast, buf, from, to)).as("seed %s round %s: %s", seed, round,
          new String(Arrays.copyOfRange(buf, from, to), StandardCharsets.UTF_8)).containsExactly(expected);
    }
  }

  @Test
  void tokenize_emptyFieldsAndTrailingDelimiter_keptAsEmptyStrings() {
    CsvTokenizer t = new CsvTokenizer(CsvOptions.from(FormatOptions.empty()), false);
    byte[] line = ",a,,bcdefghijklmnop,".getBytes(StandardCharsets.UTF_8);
    assertThat(fields(t, line, 0, line.length)).containsExactly("", "a", "", "bcdefghijklmnop", "");
    assertThat(fields(t, line, 0, 0)).containsExactly("");
  }
}
