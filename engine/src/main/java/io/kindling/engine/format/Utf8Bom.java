package io.kindling.engine.format;

import io.kindling.engine.source.LineReader;

/**
 * The UTF-8 byte order mark ({@code EF BB BF}) that may start a file. Spark's line-based sources (CSV, JSON lines,
 * text) read through Hadoop's line reader, which drops it from the file's first line, whatever the encoding
 * option; a whole-text read keeps it.
 */
public final class Utf8Bom {
  private Utf8Bom() {}

  /** How many bytes of the current line are a byte order mark to skip: 3 on the file's first line, else 0. */
  public static int length(LineReader lines) {
    if (lines.linePosition() != 0 || lines.length() < 3) {
      return 0;
    }
    byte[] b = lines.buffer();
    int s = lines.start();
    return (b[s] & 0xFF) == 0xEF && (b[s + 1] & 0xFF) == 0xBB && (b[s + 2] & 0xFF) == 0xBF ? 3 : 0;
  }
}
