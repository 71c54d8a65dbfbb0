package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShuffleSmokeTest {
  @Test
  void smoke() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      PairRDD<String, Integer> pairs = s.parallelize(Arrays.asList("a b c a b a".split(" ")), 3)
          .mapToPair(w -> Tuple2.of(w, 1));
      PairRDD<String, Integer> counts = pairs.reduceByKey(Integer::sum);
      System.out.println(counts.toDebugString());
      Map<String, Integer> m = counts.collectAsMap();
      assertThat(m).containsEntry("a", 3).containsEntry("b", 2).containsEntry("c", 1);
      List<Tuple2<String, Iterable<Integer>>> g = pairs.groupByKey().collect();
      System.out.println(g);
      System.out.println(s.parallelize(List.of(5, 3, 9, 1, 7, 2), 3).sortBy(x -> x, true, 2).collect());
      System.out.println(pairs.join(pairs.mapValues(v -> v * 10)).collect());
    }
  }
}
