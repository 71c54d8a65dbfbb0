package io.kindling.engine.format.csv;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing straight from bytes, with the JDK's acceptance rules ({@code Integer.parseInt},
 * {@code Long.parseLong}, {@code Double.parseDouble}) that Spark's CSV reader uses; plain ASCII digits take a
 * fast path, anything else goes through the JDK on a String.
 */
final class ByteNumbers {
  static final long FAIL = Long.MIN_VALUE;
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private ByteNumbers() {}

  /** {@code Integer.parseInt} of the bytes, or {@link #FAIL}. */
  static long parseInt(byte[] b, int off, int len) {
    long v = parseLong(b, off, len);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : FAIL;
  }

  /** {@code Long.parseLong} of the bytes, or {@link #FAIL} (which is not a value Long.parseLong can return here). */
  static long parseLong(byte[] b, int off, int len) {
    if (len == 0) {
      return FAIL;
    }
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
      if (i == end) {
        return FAIL;
      }
    }
    if (end - i > 18) {
      return slowLong(b, off, len);
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return b[i] < 0 ? slowLong(b, off, len) : FAIL;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private static long slowLong(byte[] b, int off, int len) {
    try {
      long v = Long.parseLong(new String(b, off, len, StandardCharsets.UTF_8));
      return v == FAIL ? FAIL : v;
    } catch (NumberFormatException e) {
      return FAIL;
    }
  }

  /** {@code Double.parseDouble} of the bytes; {@code ok[0]} tells whether it parsed. */
  static double parseDouble(byte[] b, int off, int len, boolean[] ok) {
    ok[0] = true;
    int i = off;
    int end = off + len;
    if (len == 0) {
      ok[0] = false;
      return 0;
    }
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = 0;
    boolean dot = false;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d >= 0 && d <= 9) {
        if (mantissa == 0 && d == 0 && !dot) {
          digits++;
          continue;
        }
        mantissa = mantissa * 10 + d;
        digits++;
        if (dot) {
          fraction++;
        }
        if (digits > 15 || mantissa >= (1L << 53)) {
          return slowDouble(b, off, len, ok);
        }
      } else if (b[i] == '.' && !dot) {
        dot = true;
      } else {
        return slowDouble(b, off, len, ok);
      }
    }
    if (digits == 0 || fraction > 22) {
      return slowDouble(b, off, len, ok);
    }
    double v = fraction == 0 ? (double) mantissa : (double) mantissa / POW10[fraction];
    return negative ? -v : v;
  }

  private static double slowDouble(byte[] b, int off, int len, boolean[] ok) {
    try {
      return Double.parseDouble(new String(b, off, len, StandardCharsets.UTF_8));
    } catch (NumberFormatException e) {
      ok[0] = false;
      return 0;
    }
  }

  /** Whether the bytes equal the ASCII/UTF-8 text {@code s} (given as bytes). */
  static boolean equalsBytes(byte[] b, int off, int len, byte[] s) {
    if (len != s.length) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (b[off + k] != s[k]) {
        return false;
      }
    }
    return true;
  }

  /** Scala's {@code String.toBoolean}: "true" or "false" in any case, nothing else. */
  static int parseBoolean(byte[] b, int off, int len) {
    if (len == 4 && (b[off] | 0x20) == 't' && (b[off + 1] | 0x20) == 'r' && (b[off + 2] | 0x20) == 'u'
        && (b[off + 3] | 0x20) == 'e') {
      return 1;
    }
    if (len == 5 && (b[off] | 0x20) == 'f' && (b[off + 1] | 0x20) == 'a' && (b[off + 2] | 0x20) == 'l'
        && (b[off + 3] | 0x20) == 's' && (b[off + 4] | 0x20) == 'e') {
      return 0;
    }
    return -1;
  }
}
