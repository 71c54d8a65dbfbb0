package io.kindling.engine.format.csv;

import io.kindling.KindlingException;
import io.kindling.engine.source.ByteScan;
import java.util.Arrays;

/**
 * Splits one line (bytes) into fields with the rules of Spark's CSV parser (univocity with
 * STOP_AT_DELIMITER): a field that starts with the quote character runs to the closing quote; inside it the
 * escape character before a quote gives a quote, before itself (the {@code charToEscapeQuoteEscaping}) gives
 * itself; a quote not followed by the delimiter or the end makes the whole field raw text up to the next
 * delimiter; an unclosed quote ends at the end of the line. Unquoted fields are taken as they are. Plain fields
 * stay in the line's buffer; unescaped ones are copied into a scratch buffer. Reused from line to line.
 */
final class CsvTokenizer {
  private final byte[] delimiter;
  private final byte delimiter0;
  private final boolean singleByteDelimiter;
  private final long delimiterWord;
  private final long quoteWord;
  // One-byte delimiter and no trimming: lines without a quote take the word-at-a-time path.
  private final boolean plainFast;
  private final int quote;
  private final int escape;
  private final int escapeEscape;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final int maxColumns;
  private final int maxCharsPerColumn;

  int count;
  int[] starts = new int[64];
  int[] ends = new int[64];
  boolean[] inScratch = new boolean[64];
  boolean[] quoted = new boolean[64];
  byte[] line;
  byte[] scratch = new byte[1024];
  private int scratchLen;

  CsvTokenizer(CsvOptions o, boolean forWriteSide) {
    this.delimiter = o.delimiter;
    this.delimiter0 = delimiter[0];
    this.singleByteDelimiter = delimiter.length == 1;
    this.delimiterWord = ByteScan.broadcast(delimiter0);
    this.quote = o.quote == '\0' ? -1 : asciiOrFail(o.quote, "quote");
    this.escape = o.escape == '\0' ? -2 : asciiOrFail(o.escape, "escape");
    this.escapeEscape = o.escapeEscape == '\0' ? -3 : asciiOrFail(o.escapeEscape, "charToEscapeQuoteEscaping");
    this.trimLeading = forWriteSide ? o.ignoreLeadingWhiteSpaceInWrite : o.ignoreLeadingWhiteSpaceInRead;
    this.trimTrailing = forWriteSide ? o.ignoreTrailingWhiteSpaceInWrite : o.ignoreTrailingWhiteSpaceInRead;
    this.maxColumns = o.maxColumns;
    this.maxCharsPerColumn = o.maxCharsPerColumn;
    this.quoteWord = quote < 0 ? 0 : ByteScan.broadcast((byte) quote);
    this.plainFast = singleByteDelimiter && !trimLeading && !trimTrailing;
  }

  private static int asciiOrFail(char c, String option) {
    if (c > 127) {
      throw new KindlingException("The CSV option '" + option + "' must be an ASCII character, got '" + c + "'");
    }
    return c;
  }

  byte[] bytes(int token) {
    return inScratch[token] ? scratch : line;
  }

  int length(int token) {
    return ends[token] - starts[token];
  }

  /** Splits {@code b[from, to)}; the fields are then in {@link #count}, {@link #starts}, {@link #ends}. */
  void tokenize(byte[] b, int from, int to) {
    line = b;
    count = 0;
    scratchLen = 0;
    if (plainFast && tokenizeUnquoted(b, from, to)) {
      return;
    }
    count = 0;
    int i = from;
    while (true) {
      if (trimLeading) {
        while (i < to && (b[i] & 0xFF) <= ' ' && !isDelimiter(b, i, to)) {
          i++;
        }
      }
      if (i < to && b[i] == quote) {
        i = quotedField(b, i, to);
      } else {
        int end = findDelimiter(b, i, to);
        int valueEnd = end;
        if (trimTrailing) {
          while (valueEnd > i && (b[valueEnd - 1] & 0xFF) <= ' ') {
            valueEnd--;
          }
        }
        add(i, valueEnd, false, false);
        i = end;
      }
      if (i >= to) {
        return;
      }
      // i is at a delimiter
      i += delimiter.length;
      if (i >= to) {
        add(to, to, false, false);
        return;
      }
    }
  }

  /**
   * Splits a line with no quote character, eight bytes at a time: the fields are exactly the text between
   * delimiters, as the general path takes unquoted fields. False (fields partly added) when the line has a quote.
   */
  private boolean tokenizeUnquoted(byte[] b, int from, int to) {
    long delims = delimiterWord;
    long quotes = quoteWord;
    boolean checkQuotes = quote >= 0;
    int start = from;
    int i = from;
    for (int last = b.length - 8; i < to && i <= last; i += 8) {
      long w = ByteScan.word(b, i);
      long d = ByteScan.zeroBytesExact(w ^ delims);
      int valid = to - i;
      if (valid < 8) {
        long keep = (1L << (valid << 3)) - 1;
        d &= keep;
        if (checkQuotes && (ByteScan.zeroBytesExact(w ^ quotes) & keep) != 0) {
          return false;
        }
      } else if (checkQuotes && ByteScan.zeroBytesExact(w ^ quotes) != 0) {
        return false;
      }
      if (d != 0) {
        if (count + 8 > starts.length || count + 8 > maxColumns || maxCharsPerColumn > 0) {
          while (d != 0) {
            int at = i + (Long.numberOfTrailingZeros(d) >>> 3);
            add(start, at, false, false);
            start = at + 1;
            d &= d - 1;
          }
          continue;
        }
        // Room for every field this word can end, and no limit a field could break: plain stores.
        int c = count;
        do {
          int at = i + (Long.numberOfTrailingZeros(d) >>> 3);
          starts[c] = start;
          ends[c] = at;
          inScratch[c] = false;
          quoted[c] = false;
          c++;
          start = at + 1;
          d &= d - 1;
        } while (d != 0);
        count = c;
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == delimiter0) {
        add(start, i, false, false);
        start = i + 1;
      } else if (c == quote) {
        return false;
      }
    }
    add(start, to, false, false);
    return true;
  }

  /** Reads a quoted field starting at {@code open}; returns the index of the delimiter after it, or {@code to}. */
  private int quotedField(byte[] b, int open, int to) {
    int mark = scratchLen;
    int j = open + 1;
    while (j < to) {
      int c = b[j];
      if (c == escape && escape != quote) {
        if (j + 1 < to && b[j + 1] == quote) {
          appendScratch((byte) quote);
          j += 2;
          continue;
        }
        if (j + 1 < to && b[j + 1] == escape && escapeEscape == escape) {
          appendScratch((byte) escape);
          j += 2;
          continue;
        }
        appendScratch((byte) c);
        j++;
        continue;
      }
      if (c == quote) {
        if (escape == quote && j + 1 < to && b[j + 1] == quote) {
          appendScratch((byte) quote);
          j += 2;
          continue;
        }
        int k = j + 1;
        while (k < to && (b[k] & 0xFF) <= ' ' && !isDelimiter(b, k, to)) {
          k++;
        }
        if (k >= to || isDelimiter(b, k, to)) {
          add(mark, scratchLen, true, true);
          return k;
        }
        // An unescaped quote inside the value: the field is raw text up to the next delimiter.
        scratchLen = mark;
        int end = findDelimiter(b, open, to);
        int valueEnd = end;
        if (trimTrailing) {
          while (valueEnd > open && (b[valueEnd - 1] & 0xFF) <= ' ') {
            valueEnd--;
          }
        }
        add(open, valueEnd, false, false);
        return end;
      }
      appendScratch((byte) c);
      j++;
    }
    add(mark, scratchLen, true, true);
    return to;
  }

  private void appendScratch(byte c) {
    if (scratchLen == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLen++] = c;
  }

  private boolean isDelimiter(byte[] b, int i, int to) {
    if (b[i] != delimiter0) {
      return false;
    }
    if (singleByteDelimiter) {
      return true;
    }
    if (i + delimiter.length > to) {
      return false;
    }
    for (int k = 1; k < delimiter.length; k++) {
      if (b[i + k] != delimiter[k]) {
        return false;
      }
    }
    return true;
  }

  private int findDelimiter(byte[] b, int from, int to) {
    byte d = delimiter0;
    if (singleByteDelimiter) {
      return ByteScan.indexOf(b, from, to, d, delimiterWord);
    }
    for (int i = from; i < to; i++) {
      if (b[i] == d && isDelimiter(b, i, to)) {
        return i;
      }
    }
    return to;
  }

  private void add(int start, int end, boolean fromScratch, boolean wasQuoted) {
    if (count == maxColumns) {
      throw new KindlingException("A CSV record has more than maxColumns (" + maxColumns + ") fields; raise the "
          + "'maxColumns' option if the data really has that many columns");
    }
    if (maxCharsPerColumn > 0 && end - start > maxCharsPerColumn) {
      throw new KindlingException("A CSV value is " + (end - start) + " bytes long, more than maxCharsPerColumn ("
          + maxCharsPerColumn + ")");
    }
    if (count == starts.length) {
      int n = count * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      inScratch = Arrays.copyOf(inScratch, n);
      quoted = Arrays.copyOf(quoted, n);
    }
    starts[count] = start;
    ends[count] = end;
    inScratch[count] = fromScratch;
    quoted[count] = wasQuoted;
    count++;
  }

  /** The fields as Strings (for headers and inference samples). */
  String[] toStrings(java.nio.charset.Charset charset) {
    String[] out = new String[count];
    for (int t = 0; t < count; t++) {
      out[t] = new String(bytes(t), starts[t], length(t), charset);
    }
    return out;
  }
}
