package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteScanTest {
  private static int naiveIndexOf(byte[] a, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return to;
  }

  private static int naiveEither(byte[] a, int from, int to, byte b1, byte b2) {
    for (int i = from; i < to; i++) {
      if (a[i] == b1 || a[i] == b2) {
        return i;
      }
    }
    return to;
  }

  @Test
  void indexOf_randomArraysAndRanges_sameAsByteLoop() {
    long seed = 20261122L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int round = 0; round < 20_000; round++) {
      byte[] a = new byte[r.nextInt(0, 40)];
      // Few distinct bytes (including 0x80, -1 and the searched ones) so matches, borrows and sign bits all occur.
      byte[] alphabet = {',', '\n', '\r', 0, 1, (byte) 0x80, (byte) 0xFF, 'a', ',' + 1};
      for (int i = 0; i < a.length; i++) {
        a[i] = alphabet[r.nextInt(alphabet.length)];
      }
      int from = a.length == 0 ? 0 : r.nextInt(0, a.length + 1);
      int to = from + r.nextInt(0, a.length - from + 1);
      byte b = alphabet[r.nextInt(alphabet.length)];
      assertThat(ByteScan.indexOf(a, from, to, b, ByteScan.broadcast(b)))
          .as("seed %s round %s", seed, round).isEqualTo(naiveIndexOf(a, from, to, b));
      assertThat(ByteScan.indexOfEither(a, from, to, ByteScan.broadcast((byte) '\n'), ByteScan.broadcast((byte) '\r')))
          .as("seed %s round %s", seed, round).isEqualTo(naiveEither(a, from, to, (byte) '\n', (byte) '\r'));
    }
  }

  @Test
  void indexOf_matchOnlyPastTheRange_returnsTheRangeEnd() {
    byte[] a = "abcdefgh,ijklmnop".getBytes();
    assertThat(ByteScan.indexOf(a, 0, 8, (byte) ',', ByteScan.broadcast((byte) ','))).isEqualTo(8);
    assertThat(ByteScan.indexOf(a, 0, 5, (byte) ',', ByteScan.broadcast((byte) ','))).isEqualTo(5);
    assertThat(ByteScan.indexOf(a, 2, 17, (byte) ',', ByteScan.broadcast((byte) ','))).isEqualTo(8);
  }
}
