package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kindling.internal.lineage.PartitionTransform;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingTest {

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private static <T> List<T> apply(PartitionTransform<T, T> sampler, int partition, List<T> input)
      throws Exception {
    List<T> out = new ArrayList<>();
    Iterator<T> it = sampler.apply(partition, input.iterator());
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void checkFraction_negative_fails() {
    assertThatThrownBy(() -> Sampling.checkFraction(false, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Fraction must be nonnegative, but got -0.1");
    assertThatThrownBy(() -> Sampling.checkFraction(true, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkFraction_aboveOneWithoutReplacement_fails() {
    assertThatThrownBy(() -> Sampling.checkFraction(false, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void checkFraction_aboveOneWithReplacement_isAllowed() {
    Sampling.checkFraction(true, 3.0);
    Sampling.checkFraction(false, 1.0);
    Sampling.checkFraction(false, 0.0);
  }

  @Test
  void bernoulli_sameSeedAndPartition_sameSample() throws Exception {
    List<Integer> data = range(1000);
    assertThat(apply(Sampling.sampler(false, 0.3, 42), 0, data))
        .isEqualTo(apply(Sampling.sampler(false, 0.3, 42), 0, data));
  }

  @Test
  void bernoulli_otherSeedOrPartition_otherSample() throws Exception {
    List<Integer> data = range(1000);
    List<Integer> base = apply(Sampling.sampler(false, 0.3, 42), 0, data);
    assertThat(apply(Sampling.sampler(false, 0.3, 43), 0, data)).isNotEqualTo(base);
    assertThat(apply(Sampling.sampler(false, 0.3, 42), 1, data)).isNotEqualTo(base);
  }

  @Test
  void bernoulli_keepsOrderAndNoDuplicates_aboutTheFraction() throws Exception {
    List<Integer> sample = apply(Sampling.sampler(false, 0.3, 7), 0, range(100_000));
    assertThat(sample).isSorted().doesNotHaveDuplicates();
    assertThat(sample.size() / 100_000.0).isCloseTo(0.3, within(0.01));
  }

  @Test
  void bernoulli_fractionZeroAndOne_areNoneAndAll() throws Exception {
    assertThat(apply(Sampling.sampler(false, 0.0, 1), 0, range(100))).isEmpty();
    assertThat(apply(Sampling.sampler(false, 1.0, 1), 0, range(100))).isEqualTo(range(100));
  }

  @Test
  void poisson_sameSeed_sameSample_withRepeats() throws Exception {
    List<Integer> data = range(1000);
    List<Integer> sample = apply(Sampling.sampler(true, 2.0, 9), 3, data);
    assertThat(sample).isEqualTo(apply(Sampling.sampler(true, 2.0, 9), 3, data));
    assertThat(sample).isSorted();
    assertThat(sample.size() / 1000.0).isCloseTo(2.0, within(0.2));
    assertThat(sample.stream().distinct().count()).isLessThan(sample.size());
  }

  @Test
  void poisson_emptyInput_isEmpty() throws Exception {
    assertThat(apply(Sampling.sampler(true, 5.0, 9), 0, List.<Integer>of())).isEmpty();
  }

  @Test
  void poissonDraw_meanAndVarianceMatch_forSmallAndLargeMeans() {
    for (double mean : new double[] {0.1, 1, 7.5, 1000}) {
      SplittableRandom random = new SplittableRandom(12345);
      int n = 20_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        int k = Sampling.poissonDraw(mean, random);
        assertThat(k).isNotNegative();
        sum += k;
        sumSq += (double) k * k;
      }
      double m = sum / n;
      double variance = sumSq / n - m * m;
      assertThat(m).as("mean %s", mean).isCloseTo(mean, within(5 * Math.sqrt(mean / n)));
      assertThat(variance).as("variance %s", mean).isCloseTo(mean, within(mean * 0.1));
    }
  }

  @Test
  void poissonDraw_zeroMean_isZero() {
    assertThat(Sampling.poissonDraw(0, new SplittableRandom(1))).isZero();
  }

  @Test
  void fractionFor_withoutReplacement_matchesSparksBinomialBound() {
    // Spark's SamplingUtils.computeFractionForSampleSize(10, 1000, false).
    double gamma = -Math.log(1e-4) / 1000;
    double expected = 0.01 + gamma + Math.sqrt(gamma * gamma + 2 * gamma * 0.01);
    assertThat(Sampling.fractionFor(10, 1000, false)).isCloseTo(expected, within(1e-12));
    assertThat(Sampling.fractionFor(999, 1000, false)).isEqualTo(1.0);
  }

  @Test
  void fractionFor_withReplacement_matchesSparksPoissonBound() {
    assertThat(Sampling.fractionFor(5, 1000, true)).isCloseTo((5 + 12 * Math.sqrt(5)) / 1000, within(1e-12));
    assertThat(Sampling.fractionFor(10, 1000, true)).isCloseTo((10 + 9 * Math.sqrt(10)) / 1000, within(1e-12));
    assertThat(Sampling.fractionFor(100, 1000, true)).isCloseTo((100 + 6 * Math.sqrt(100)) / 1000, within(1e-12));
    assertThat(Sampling.fractionFor(5000, 1000, true)).isGreaterThan(5.0);
  }

  @Test
  void fractionFor_alwaysAtLeastTheExactFraction() {
    for (int num : new int[] {1, 3, 17, 100, 999}) {
      assertThat(Sampling.fractionFor(num, 1000, false)).isGreaterThanOrEqualTo(num / 1000.0);
      assertThat(Sampling.fractionFor(num, 1000, true)).isGreaterThanOrEqualTo(num / 1000.0);
    }
  }
}
