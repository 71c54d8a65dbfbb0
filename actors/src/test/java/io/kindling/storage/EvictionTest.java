package io.kindling.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cached dataset larger than its store's capacity: whole partitions are evicted least-recently-used first, the
 * evicted ones are recomputed from lineage when read, and every answer is right.
 */
class EvictionTest {

  private static KindlingSession session(String capacity) {
    return KindlingSession.builder().appName("eviction").master("local[2]")
        .config("kindling.storage.memory-size", capacity)
        .config("kindling.storage.off-heap-size", capacity)
        .config("kindling.storage.disk-size", capacity)
        .config("kindling.storage.chunk-size", "16k")
        .create();
  }

  /** About 4 MB serialized (more on the heap): 40 partitions of 1,000 strings of 100 characters. */
  private static RDD<String> lines(KindlingSession s) {
    return s.parallelize(IntStream.range(0, 40_000).boxed().collect(Collectors.toList()), 40)
        .map(i -> String.valueOf(i % 10).repeat(99) + (char) ('a' + i % 26));
  }

  private static long expectedChecksum() {
    return IntStream.range(0, 40_000).mapToLong(i -> 99L * (i % 10) + ('a' + i % 26)).sum();
  }

  private static long checksum(RDD<String> lines) {
    return lines.map(line -> (long) (line.charAt(0) - '0') * 99 + line.charAt(99)).reduce(Long::sum);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void persist_largerThanCapacity_evictsAndRecomputes(StorageLevel level) {
    try (KindlingSession s = session("1m")) {
      List<JobListener.PartitionRecomputed> recomputed = new CopyOnWriteArrayList<>();
      s.addListener(new JobListener() {
        @Override
        public void onPartitionRecomputed(PartitionRecomputed event) {
          recomputed.add(event);
        }
      });
      RDD<String> cached = lines(s).persist(level);

      assertThat(checksum(cached)).isEqualTo(expectedChecksum());
      assertThat(checksum(cached)).isEqualTo(expectedChecksum());
      assertThat(cached.count()).isEqualTo(40_000);

      assertThat(s.metrics().evictions()).isPositive();
      assertThat(s.metrics().recomputedPartitions()).isPositive();
      assertThat(recomputed).anyMatch(r -> r.rddId() == cached.id() && r.cause() == RecomputeCause.EVICTED);
      assertThat(s.metrics().cachedBytes(level)).isPositive().isLessThanOrEqualTo(1024 * 1024);
    }
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP"})
  void persist_partitionLargerThanCapacity_isNotCachedButAnswersAreRight(StorageLevel level) {
    try (KindlingSession s = session("64k")) {
      RDD<String> cached = s.parallelize(IntStream.range(0, 4000).boxed().collect(Collectors.toList()), 1)
          .map(i -> String.valueOf(i % 10).repeat(99) + (char) ('a' + i % 26))
          .persist(level);

      assertThat(cached.count()).isEqualTo(4000);
      assertThat(cached.count()).isEqualTo(4000);
      assertThat(s.metrics().cachedBytes(level)).isZero();
    }
  }
}
