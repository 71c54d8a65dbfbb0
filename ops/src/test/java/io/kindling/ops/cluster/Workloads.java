package io.kindling.ops.cluster;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** The jobs the cluster tests run on a cluster and in local mode, to compare the answers. */
final class Workloads {
  private Workloads() {}

  /** Lines of words drawn with {@code seed}. */
  static List<String> lines(long seed, int count) {
    Random random = new Random(seed);
    String[] words = {"akka", "spark", "kindling", "actor", "shuffle", "lineage", "partition", "artery"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = random.nextInt(8); w >= 0; w--) {
        line.append(words[random.nextInt(words.length)]).append(random.nextInt(50)).append(' ');
      }
      lines.add(line.toString().trim());
    }
    return lines;
  }

  /** Word count through a shuffle (reduceByKey), sorted by key. */
  static List<Tuple2<String, Integer>> wordCount(KindlingSession s, List<String> lines, int partitions) {
    return s.parallelize(lines, partitions)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
        .mapToPair(w -> Tuple2.of(w, 1))
        .reduceByKey(Integer::sum, partitions)
        .sortByKey()
        .collect();
  }

  /** An inner join of two keyed datasets, sorted. */
  static List<String> join(KindlingSession s, int partitions) {
    List<Tuple2<Integer, String>> left = IntStream.range(0, 3000)
        .mapToObj(i -> Tuple2.of(i % 500, "l" + i)).toList();
    List<Tuple2<Integer, Integer>> right = IntStream.range(0, 800)
        .mapToObj(i -> Tuple2.of(i % 700, i)).toList();
    PairRDD<Integer, String> l = s.parallelize(left, partitions).mapToPair(t -> t);
    PairRDD<Integer, Integer> r = s.parallelize(right, partitions).mapToPair(t -> t);
    return l.join(r, partitions).map(t -> t._1() + ":" + t._2()._1() + ":" + t._2()._2()).collect()
        .stream().sorted().toList();
  }

  /** An iterative job over a cached dataset: a few rounds of a one-dimensional k-means. */
  static List<Double> cachedIterative(KindlingSession s, int partitions) {
    Random random = new Random(42);
    List<Double> points = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      points.add((i % 3) * 10.0 + random.nextGaussian());
    }
    RDD<Double> data = s.parallelize(points, partitions).map(x -> x * 1.0).cache();
    double[] centers = {1.0, 5.0, 9.0};
    for (int round = 0; round < 5; round++) {
      double[] c = centers.clone();
      Map<Integer, Tuple2<Double, Integer>> sums = data
          .mapToPair(x -> Tuple2.of(nearest(c, x), Tuple2.of(x, 1)))
          .reduceByKey((a, b) -> Tuple2.of(a._1() + b._1(), a._2() + b._2()), partitions)
          .collectAsMap();
      for (Map.Entry<Integer, Tuple2<Double, Integer>> e : sums.entrySet()) {
        centers[e.getKey()] = e.getValue()._1() / e.getValue()._2();
      }
    }
    List<Double> result = new ArrayList<>();
    for (double c : centers) {
      result.add(Math.round(c * 1e9) / 1e9);
    }
    data.unpersist();
    return result;
  }

  private static int nearest(double[] centers, double x) {
    int best = 0;
    for (int i = 1; i < centers.length; i++) {
      if (Math.abs(centers[i] - x) < Math.abs(centers[best] - x)) {
        best = i;
      }
    }
    return best;
  }
}
