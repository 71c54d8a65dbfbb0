package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmokeTest {

  @Test
  void parallelizeMapReduce_localSession_returnsSum() {
    try (KindlingSession s = KindlingSession.builder().appName("smoke").master("local[2]").create()) {
      List<Integer> data = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
      int sum = s.parallelize(data, 2).map(x -> x * 2).reduce(Integer::sum);
      assertThat(sum).isEqualTo(1001000);
    }
  }
}
