package io.kindling.engine.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes in arrays eight at a time (a long read and bit arithmetic instead of one compare a byte), for the
 * line and field scans of text formats.
 */
public final class ByteScan {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private ByteScan() {}

  /** {@code b} repeated in every byte of a long, the form the search methods take. */
  public static long broadcast(byte b) {
    return (b & 0xFFL) * ONES;
  }

  /** The index of the first {@code b} in {@code a[from, to)}, or {@code to}; {@code word} is broadcast(b). */
  public static int indexOf(byte[] a, int from, int to, byte b, long word) {
    int i = from;
    // Whole words may read past `to` (never past the array): a match there is reported as `to`.
    for (int last = a.length - 8; i <= last && i < to; i += 8) {
      long m = zeroBytes((long) LONGS.get(a, i) ^ word);
      if (m != 0) {
        int at = i + (Long.numberOfTrailingZeros(m) >>> 3);
        return Math.min(at, to);
      }
    }
    for (; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return to;
  }

  /** The index of the first byte of {@code a[from, to)} that is either broadcast byte, or {@code to}. */
  public static int indexOfEither(byte[] a, int from, int to, long word1, long word2) {
    int i = from;
    for (int last = a.length - 8; i <= last && i < to; i += 8) {
      long w = (long) LONGS.get(a, i);
      long m = zeroBytes(w ^ word1) | zeroBytes(w ^ word2);
      if (m != 0) {
        int at = i + (Long.numberOfTrailingZeros(m) >>> 3);
        return Math.min(at, to);
      }
    }
    byte b1 = (byte) word1;
    byte b2 = (byte) word2;
    for (; i < to; i++) {
      if (a[i] == b1 || a[i] == b2) {
        return i;
      }
    }
    return to;
  }

  /** The eight bytes of {@code a} from {@code i} (little-endian: byte {@code i} is the lowest). */
  public static long word(byte[] a, int i) {
    return (long) LONGS.get(a, i);
  }

  /** The high bit of every byte of {@code x} that is zero, and of no other byte (no borrow between bytes). */
  public static long zeroBytesExact(long x) {
    long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
    return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
  }

  /**
   * The high bit of each zero byte of {@code x} set — exactly for the lowest zero byte (bytes above a zero byte
   * may be flagged falsely by the borrow, which a search for the first one never looks at).
   */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }
}
