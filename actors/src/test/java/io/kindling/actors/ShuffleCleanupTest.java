package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A shuffle's map outputs are released once no dataset can read them any more. */
class ShuffleCleanupTest {

  private static ActorBackend backendOf(KindlingSession session) {
    return (ActorBackend) session.internalContext().backend("test");
  }

  private static PairRDD<Integer, Integer> counts(KindlingSession s) {
    return s.parallelize(IntStream.range(0, 1000).boxed().toList(), 3).mapToPair(x -> Tuple2.of(x % 10, 1))
        .reduceByKey(Integer::sum, 2);
  }

  /** Runs a shuffle whose dataset is dropped on return; returns its shuffle id. */
  private static int shuffleAndForget(KindlingSession s) {
    PairRDD<Integer, Integer> reduced = counts(s);
    assertThat(reduced.count()).isEqualTo(10);
    return ((io.kindling.internal.lineage.ShuffledNode<?, ?, ?>) reduced.lineage()).shuffleDependency()
        .shuffleId();
  }

  @Test
  void unreferencedShuffle_isRemovedFromTheStore_afterGarbageCollection() throws InterruptedException {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      ActorBackend backend = backendOf(s);
      PairRDD<Integer, Integer> kept = counts(s);
      kept.count();
      int keptId = ((io.kindling.internal.lineage.ShuffledNode<?, ?, ?>) kept.lineage()).shuffleDependency()
          .shuffleId();
      int droppedId = shuffleAndForget(s);
      assertThat(backend.shuffleService().shuffleIds()).contains(keptId, droppedId);

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (backend.shuffleService().shuffleIds().contains(droppedId) && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(20);
      }
      Set<Integer> left = backend.shuffleService().shuffleIds();
      assertThat(left).doesNotContain(droppedId).contains(keptId);
      // The dataset still referenced keeps its outputs and reuses them.
      assertThat(kept.collectAsMap()).hasSize(10).containsEntry(3, 100);
      assertThat(List.copyOf(left)).contains(keptId);
    }
  }
}
