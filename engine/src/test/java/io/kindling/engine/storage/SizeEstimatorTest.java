package io.kindling.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimatorTest {

  record Point(double label, double[] features) {}

  @Test
  void estimate_primitiveArrays_exact() {
    assertThat(SizeEstimator.deepSize(new double[10])).isEqualTo(96);
    assertThat(SizeEstimator.deepSize(new byte[3])).isEqualTo(24);
  }

  @Test
  void estimate_recordsWithArrays_headerFieldsAndArray() {
    assertThat(SizeEstimator.deepSize(new Point(1, new double[10]))).isEqualTo(24 + 96);
  }

  @Test
  void estimate_sharedObjectsCountedOnce() {
    double[] shared = new double[10];
    Object[] pair = {shared, shared};

    assertThat(SizeEstimator.deepSize(pair)).isEqualTo(24 + 96);
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
  void estimate_strings_byLength() {
    assertThat(SizeEstimator.deepSize("abc")).isEqualTo(24 + 24);
    assertThat(SizeEstimator.deepSize("a".repeat(100))).isEqualTo(24 + 120);
  }
}
