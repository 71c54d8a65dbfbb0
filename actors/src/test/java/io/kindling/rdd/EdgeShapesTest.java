package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transformation and action on the awkward shapes: no partitions, empty partitions, one element, and
 * more partitions than elements; each compared with the same computation on a plain list.
 */
class EdgeShapesTest {
  private static KindlingSession session;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("edges").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  /** A named way to make a dataset, with the elements it holds. */
  record Shape(String name, List<Integer> data, Function<KindlingSession, RDD<Integer>> make) {
    RDD<Integer> rdd() {
      return make.apply(session);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shape> shapes() {
    return Stream.of(
        new Shape("emptyRDD", List.of(), KindlingSession::emptyRDD),
        new Shape("empty list, 3 partitions", List.of(), s -> s.parallelize(List.of(), 3)),
        new Shape("one element, 1 partition", List.of(7), s -> s.parallelize(List.of(7), 1)),
        new Shape("one element, 4 partitions", List.of(7), s -> s.parallelize(List.of(7), 4)),
        new Shape("3 elements, 8 partitions", List.of(3, 1, 2), s -> s.parallelize(List.of(3, 1, 2), 8)),
        new Shape("all filtered out", List.of(), s -> s.parallelize(List.of(1, 2, 3), 2).filter(x -> x > 9)));
  }

  private static List<Integer> doubled(List<Integer> data) {
    return data.stream().map(x -> x * 2).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void narrowTransformations_matchAPlainList(Shape shape) {
    List<Integer> data = shape.data();
    RDD<Integer> rdd = shape.rdd();
    assertThat(rdd.map(x -> x * 2).collect()).isEqualTo(doubled(data));
    assertThat(rdd.flatMap(x -> List.of(x, x).iterator()).count()).isEqualTo(2L * data.size());
    assertThat(rdd.filter(x -> x != 1).collect()).isEqualTo(data.stream().filter(x -> x != 1).toList());
    assertThat(rdd.mapPartitions(it -> it).collect()).isEqualTo(data);
    assertThat(rdd.mapPartitionsWithIndex((i, it) -> it).collect()).isEqualTo(data);
    assertThat(rdd.mapToPair(x -> Tuple2.of(x, x)).collect()).isEqualTo(
        data.stream().map(x -> Tuple2.of(x, x)).toList());
    assertThat(rdd.flatMapToPair(x -> List.of(Tuple2.of(x, 1)).iterator()).count()).isEqualTo(data.size());
    assertThat(rdd.keyBy(x -> -x).collect()).isEqualTo(data.stream().map(x -> Tuple2.of(-x, x)).toList());
    assertThat(rdd.union(rdd).collect()).isEqualTo(Stream.concat(data.stream(), data.stream()).toList());
    assertThat(rdd.union(rdd).getNumPartitions()).isEqualTo(2 * rdd.getNumPartitions());
    assertThat(rdd.sample(false, 1.0, 1).collect()).isEqualTo(data);
    assertThat(rdd.sample(true, 0.5, 1).collect()).isSubsetOf(data);
    assertThat(rdd.coalesce(1).collect()).isEqualTo(data);
    assertThat(rdd.coalesce(1).getNumPartitions()).isEqualTo(Math.min(1, rdd.getNumPartitions()));
    assertThat(rdd.zipWithIndex().collect()).isEqualTo(
        IntStream.range(0, data.size()).mapToObj(i -> Tuple2.of(data.get(i), (long) i)).toList());
    List<List<Integer>> glommed = rdd.glom().collect();
    assertThat(glommed).hasSize(rdd.getNumPartitions());
    assertThat(glommed.stream().flatMap(List::stream).toList()).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void actions_matchAPlainList(Shape shape) throws Exception {
    List<Integer> data = shape.data();
    RDD<Integer> rdd = shape.rdd();
    List<Integer> sorted = data.stream().sorted().toList();
    assertThat(rdd.collect()).isEqualTo(data);
    assertThat(rdd.collectAsync().toCompletableFuture().get(60, TimeUnit.SECONDS)).isEqualTo(data);
    assertThat(rdd.count()).isEqualTo(data.size());
    assertThat(rdd.take(2)).isEqualTo(data.subList(0, Math.min(2, data.size())));
    assertThat(rdd.take(0)).isEmpty();
    assertThat(rdd.takeOrdered(2)).isEqualTo(sorted.subList(0, Math.min(2, sorted.size())));
    assertThat(rdd.top(1)).isEqualTo(sorted.isEmpty() ? List.of() : List.of(sorted.get(sorted.size() - 1)));
    assertThat(rdd.top(5, Comparator.reverseOrder())).isEqualTo(sorted.subList(0, Math.min(5, sorted.size())));
    assertThat(rdd.fold(0, Integer::sum)).isEqualTo(data.stream().mapToInt(x -> x).sum());
    assertThat(rdd.aggregate(0L, (acc, x) -> acc + x, Long::sum)).isEqualTo(data.stream().mapToLong(x -> x).sum());
    assertThat(rdd.countByValue()).isEqualTo(data.stream().collect(Collectors.groupingBy(x -> x,
        Collectors.counting())));
    assertThat(rdd.isEmpty()).isEqualTo(data.isEmpty());
    assertThat(rdd.takeSample(false, 2, 1)).hasSize(Math.min(2, data.size())).isSubsetOf(data);
    assertThat(rdd.takeSample(true, 2, 1)).hasSize(data.isEmpty() ? 0 : 2);
    LongAccumulator seen = session.longAccumulator("seen");
    rdd.foreach(x -> seen.add(1));
    assertThat(seen.value()).isEqualTo(data.size());
    LongAccumulator partitions = session.longAccumulator("partitions");
    rdd.foreachPartition(it -> partitions.add(1));
    assertThat(partitions.value()).isEqualTo(rdd.getNumPartitions());
    if (data.isEmpty()) {
      assertThatThrownBy(rdd::first).isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("empty collection");
      assertThatThrownBy(() -> rdd.reduce(Integer::sum)).isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("empty collection");
    } else {
      assertThat(rdd.first()).isEqualTo(data.get(0));
      assertThat(rdd.reduce(Integer::sum)).isEqualTo(data.stream().mapToInt(x -> x).sum());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void saveAsTextFile_writesOnePartPerPartition(Shape shape) throws Exception {
    RDD<Integer> rdd = shape.rdd();
    Path out = tmp.resolve("out-" + shape.name().replaceAll("[^a-z0-9]", "_"));
    rdd.saveAsTextFile(out.toString());
    List<String> parts;
    try (Stream<Path> files = Files.list(out)) {
      parts = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
    }
    assertThat(parts).hasSize(rdd.getNumPartitions());
    assertThat(out.resolve("_SUCCESS")).exists();
    List<String> lines = new ArrayList<>();
    for (String part : parts) {
      lines.addAll(Files.readAllLines(out.resolve(part)));
    }
    assertThat(lines).isEqualTo(shape.data().stream().map(String::valueOf).toList());
    if (!shape.data().isEmpty()) {
      assertThat(session.textFile(out.toString()).map(Integer::parseInt).collect()).isEqualTo(shape.data());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void toDebugString_showsThePartitionCount(Shape shape) {
    RDD<Integer> rdd = shape.rdd();
    assertThat(rdd.map(x -> x).toDebugString()).startsWith("(" + rdd.getNumPartitions() + ") MapPartitionsRDD[");
  }
}
