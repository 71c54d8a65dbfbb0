package io.kindling.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimatorTest {

  record Point(double label, double[] features) {}

  @Test
  void estimate_primitiveArrays_exact() {
    assertThat(SizeEstimator.estimate(new double[10])).isEqualTo(96);
    assertThat(SizeEstimator.estimate(new byte[3])).isEqualTo(24);
  }

  @Test
  void estimate_recordsWithArrays_headerFieldsAndArray() {
    assertThat(SizeEstimator.estimate(new Point(1, new double[10]))).isEqualTo(24 + 96);
  }

  @Test
  void estimate_sharedObjectsCountedOnce() {
    double[] shared = new double[10];
    Object[] pair = {shared, shared};

    assertThat(SizeEstimator.estimate(pair)).isEqualTo(24 + 96);
  }

  @Test
  void estimate_block_scalesTheSampleToAllElements() {
    List<Object> points = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      points.add(new Point(i, new double[10]));
    }

    assertThat(SizeEstimator.estimate(points.toArray())).isEqualTo(SizeEstimator.align(16 + 4 * 1000) + 120 * 1000);
  }

  @Test
  void estimate_boxedNumbers_headerAndValue() {
    assertThat(SizeEstimator.estimate(7)).isEqualTo(16);
    assertThat(SizeEstimator.estimate(7L)).isEqualTo(24);
    assertThat(SizeEstimator.estimate(new Object[] {1000L, 2000L})).as("two boxes").isEqualTo(24 + 2 * 24);
  }

  enum Color { RED }

  @Test
  void estimate_classesAndEnumConstants_countNothing() {
    assertThat(SizeEstimator.estimate(Color.RED)).isZero();
    assertThat(SizeEstimator.estimate(new Object[] {Color.RED, String.class})).isEqualTo(24);
  }

  @Test
  void estimate_strings_byLength() {
    assertThat(SizeEstimator.estimate("abc")).isEqualTo(24 + 24);
    assertThat(SizeEstimator.estimate("a".repeat(100))).isEqualTo(24 + 120);
  }
}
