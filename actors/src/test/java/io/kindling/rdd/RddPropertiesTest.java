package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random data and partitionings: every operation agrees with the same computation on a plain list. */
class RddPropertiesTest {
  private static KindlingSession session;

  @BeforeContainer
  static void start() {
    session = KindlingSession.builder().appName("properties").master("local[2]").create();
  }

  @AfterContainer
  static void stop() {
    session.close();
  }

  @Property(tries = 60)
  void narrowPipeline_matchesPlainJava(
      @ForAll @Size(max = 300) List<@IntRange(min = -50, max = 50) Integer> data,
      @ForAll @IntRange(min = 1, max = 12) int slices,
      @ForAll @IntRange(min = 1, max = 6) int coalesceTo) {
    RDD<Integer> rdd = session.parallelize(data, slices);
    List<Integer> expected = data.stream().map(x -> x * 3).filter(x -> x % 2 == 0)
        .flatMap(x -> List.of(x, -x).stream()).collect(Collectors.toList());
    RDD<Integer> pipeline = rdd.map(x -> x * 3).filter(x -> x % 2 == 0).flatMap(x -> List.of(x, -x).iterator());
    assertThat(pipeline.collect()).isEqualTo(expected);
    assertThat(pipeline.count()).isEqualTo(expected.size());
    assertThat(pipeline.coalesce(coalesceTo).collect()).isEqualTo(expected);
    assertThat(pipeline.union(rdd).collect()).isEqualTo(concat(expected, data));
    assertThat(rdd.glom().collect().stream().flatMap(List::stream).toList()).isEqualTo(data);
    assertThat(rdd.zipWithIndex().collect()).isEqualTo(
        IntStream.range(0, data.size()).mapToObj(i -> Tuple2.of(data.get(i), (long) i)).toList());
    assertThat(rdd.keyBy(x -> x % 5).collect()).isEqualTo(data.stream().map(x -> Tuple2.of(x % 5, x)).toList());
  }

  @Property(tries = 60)
  void actions_matchPlainJava(
      @ForAll @Size(max = 300) List<@IntRange(min = -1000, max = 1000) Integer> data,
      @ForAll @IntRange(min = 1, max = 12) int slices,
      @ForAll @IntRange(min = 0, max = 20) int n) {
    RDD<Integer> rdd = session.parallelize(data, slices);
    List<Integer> sorted = data.stream().sorted().toList();
    assertThat(rdd.take(n)).isEqualTo(data.subList(0, Math.min(n, data.size())));
    assertThat(rdd.takeOrdered(n)).isEqualTo(sorted.subList(0, Math.min(n, sorted.size())));
    List<Integer> descending = data.stream().sorted(Comparator.reverseOrder()).toList();
    assertThat(rdd.top(n)).isEqualTo(descending.subList(0, Math.min(n, descending.size())));
    assertThat(rdd.top(n, Comparator.reverseOrder())).isEqualTo(sorted.subList(0, Math.min(n, sorted.size())));
    assertThat(rdd.fold(0, Integer::sum)).isEqualTo(data.stream().mapToInt(x -> x).sum());
    assertThat(rdd.aggregate(0L, (acc, x) -> acc + x, Long::sum)).isEqualTo(data.stream().mapToLong(x -> x).sum());
    assertThat(rdd.countByValue()).isEqualTo(data.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting())));
    assertThat(rdd.isEmpty()).isEqualTo(data.isEmpty());
    if (!data.isEmpty()) {
      assertThat(rdd.reduce(Math::max)).isEqualTo(sorted.get(sorted.size() - 1));
      assertThat(rdd.first()).isEqualTo(data.get(0));
    }
    List<Integer> sample = rdd.takeSample(false, n, n);
    assertThat(sample).hasSize(Math.min(n, data.size()));
    assertThat(remainder(data, sample)).as("a sample without replacement draws distinct positions").isNotNull();
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** {@code data} without one occurrence of each sampled element; null if the sample used one too often. */
  private static List<Integer> remainder(List<Integer> data, List<Integer> sample) {
    List<Integer> left = new ArrayList<>(data);
    for (Integer x : sample) {
      if (!left.remove(x)) {
        return null;
      }
    }
    return left;
  }

  @Property(tries = 30)
  void sample_isASubsequence_deterministicPerSeed(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 9) Integer> data,
      @ForAll @IntRange(min = 1, max = 8) int slices,
      @ForAll long seed) {
    RDD<Integer> rdd = session.parallelize(data, slices);
    List<Integer> first = rdd.sample(false, 0.5, seed).collect();
    assertThat(rdd.sample(false, 0.5, seed).collect()).isEqualTo(first);
    assertThat(isSubsequence(first, data)).isTrue();
    Map<Integer, Long> counts = rdd.sample(true, 1.5, seed).countByValue();
    assertThat(rdd.sample(true, 1.5, seed).countByValue()).isEqualTo(counts);
    assertThat(counts.keySet()).allSatisfy(k -> assertThat(data).contains(k));
  }

  private static boolean isSubsequence(List<Integer> sub, List<Integer> all) {
    int i = 0;
    for (Integer x : all) {
      if (i < sub.size() && sub.get(i).equals(x)) {
        i++;
      }
    }
    return i == sub.size();
  }
}
