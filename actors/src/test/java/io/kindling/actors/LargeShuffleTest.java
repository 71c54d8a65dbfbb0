package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.Tuple2;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reduceByKey and a sortBy whose shuffles are several times larger than the heap of the JVM that runs them
 * complete with the right answer: aggregation and sorting spill sorted runs to disk and merge them, and map
 * outputs live off heap.
 */
class LargeShuffleTest {
  private static final String HEAP = "-Xmx80m";
  private static final long HEAP_BYTES = 80L << 20;
  private static final Duration TIMEOUT = Duration.ofMinutes(8);

  @Test
  void reduceByKey_withShuffleSeveralTimesTheHeap_getsTheRightAnswer() throws Exception {
    int perPartition = 1_100_000;
    ForkedJvm.Result r = ForkedJvm.run(LargeShuffleMain.class, List.of(HEAP), List.of("reduce",
        Integer.toString(perPartition)), TIMEOUT);
    assertThat(r.exitCode()).as(r.output()).isZero();

    long[] min = new long[(int) LargeShuffleMain.KEYS];
    Arrays.fill(min, -1);
    for (int p = 0; p < LargeShuffleMain.MAP_PARTITIONS; p++) {
      Iterator<Tuple2<Long, String>> it = LargeShuffleMain.reduceInput(p, perPartition);
      while (it.hasNext()) {
        Tuple2<Long, String> t = it.next();
        long v = Long.parseLong(t._2().substring(0, 20));
        int k = (int) (long) t._1();
        if (min[k] < 0 || v < min[k]) {
          min[k] = v;
        }
      }
    }
    long count = 0;
    long sum = 0;
    for (int k = 0; k < min.length; k++) {
      if (min[k] >= 0) {
        count++;
        sum += k * 31L + min[k];
      }
    }
    assertThat(Long.parseLong(r.value("maxHeap"))).isLessThanOrEqualTo(HEAP_BYTES);
    assertThat(Long.parseLong(r.value("shuffleBytes"))).as("shuffle bytes vs heap")
        .isGreaterThan(3 * HEAP_BYTES);
    assertThat(Long.parseLong(r.value("reduceCount"))).isEqualTo(count);
    assertThat(Long.parseLong(r.value("reduceSum"))).isEqualTo(sum);
  }

  @Test
  void sortBy_withShuffleSeveralTimesTheHeap_getsTheRightAnswer() throws Exception {
    // sortBy(x -> x) shuffles each string once (the value is its key): 42 bytes a record.
    int perPartition = 1_050_000;
    ForkedJvm.Result r = ForkedJvm.run(LargeShuffleMain.class, List.of(HEAP), List.of("sort",
        Integer.toString(perPartition)), TIMEOUT);
    assertThat(r.exitCode()).as(r.output()).isZero();

    long hashes = 0;
    for (int p = 0; p < LargeShuffleMain.MAP_PARTITIONS; p++) {
      Iterator<String> it = LargeShuffleMain.sortInput(p, perPartition);
      while (it.hasNext()) {
        hashes += it.next().hashCode();
      }
    }
    assertThat(Long.parseLong(r.value("shuffleBytes"))).as("shuffle bytes vs heap")
        .isGreaterThan(3 * HEAP_BYTES);
    assertThat(Long.parseLong(r.value("sortCount"))).isEqualTo((long) perPartition * LargeShuffleMain.MAP_PARTITIONS);
    assertThat(Long.parseLong(r.value("sortHashes"))).isEqualTo(hashes);
    assertThat(r.value("sortOrdered")).isEqualTo("true");
    assertThat(Integer.parseInt(r.value("sortPartitions"))).isEqualTo(LargeShuffleMain.REDUCE_PARTITIONS);
  }
}
