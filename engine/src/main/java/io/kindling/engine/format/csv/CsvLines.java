package io.kindling.engine.format.csv;

/** Which lines hold no record: blank ones (only whitespace, as Spark's {@code trim}) and comment lines. */
final class CsvLines {
  private CsvLines() {}

  static boolean skip(byte[] b, int start, int length, byte[] comment) {
    if (comment != null && length >= comment.length) {
      boolean match = true;
      for (int k = 0; k < comment.length; k++) {
        if (b[start + k] != comment[k]) {
          match = false;
          break;
        }
      }
      if (match) {
        return true;
      }
    }
    for (int i = start, end = start + length; i < end; i++) {
      if ((b[i] & 0xFF) > ' ') {
        return false;
      }
    }
    return true;
  }
}
