package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that joins while a job runs takes partitions of the job's next stages. */
@Tag("cluster")
class ElasticJoinTest {
  private static final int PARTITIONS = 8;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void workerJoiningMidJob_computesPartitionsOfTheNextStage(@TempDir Path dir) throws Exception {
    cluster = LocalCluster.start("join", 2, Map.of(), 2);
    String marks = dir.toString();
    String gate = dir.resolve("gate").toString();
    List<Integer> data = IntStream.range(0, 800).boxed().toList();
    Map<Integer, Integer> expected = data.stream().collect(Collectors.groupingBy(x -> x % 10,
        Collectors.summingInt(x -> x)));
    try (KindlingSession session = cluster.session("join", 2).create()) {
      CompletableFuture<Map<Integer, Integer>> result = CompletableFuture.supplyAsync(() -> session
          .parallelize(data, 4)
          .mapPartitionsWithIndex((p, it) -> {
            awaitGate(gate);
            return it;
          })
          .mapToPair(x -> Tuple2.of(x % 10, x))
          .reduceByKey(Integer::sum, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            mark(p, marks);
            return it;
          })
          .mapToPair(t -> t)
          .collectAsMap());

      LocalCluster.Worker joiner = cluster.startWorker();
      awaitSessionWorkers(session, 3);
      Files.createFile(Path.of(gate));

      assertThat(result.get(180, TimeUnit.SECONDS)).isEqualTo(expected);
      Set<Long> pids = reducePids(dir);
      assertThat(pids).contains(joiner.process().pid());
    }
  }

  @Test
  void rebalance_movesCachedBlocksOntoAJoinedWorker_withoutRecomputing(@TempDir Path dir) throws Exception {
    cluster = LocalCluster.start("rebalance", 2, Map.of(), 2);
    String marks = dir.toString();
    List<Integer> data = IntStream.range(0, 800).boxed().toList();
    try (KindlingSession session = cluster.session("rebalance", 2).create()) {
      RDD<Integer> cached = session.parallelize(data, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            markAs("cache", p, marks);
            return it;
          })
          .cache();
      assertThat(cached.count()).isEqualTo(800);

      LocalCluster.Worker joiner = cluster.startWorker();
      awaitSessionWorkers(session, 3);
      session.rebalance();

      List<Integer> back = cached.mapPartitionsWithIndex((p, it) -> {
        markAs("read", p, marks);
        return it;
      }).collect();
      assertThat(back).isEqualTo(data);
      assertThat(pids(dir, "cache")).hasSize(2).doesNotContain(joiner.process().pid());
      assertThat(count(dir, "cache")).as("cached partitions computed").isEqualTo(PARTITIONS);
      assertThat(pids(dir, "read")).contains(joiner.process().pid());
    }
  }

  private static void markAs(String tag, int partition, String marks) {
    try {
      Files.createFile(Path.of(marks, tag + "-" + partition + "-" + ProcessHandle.current().pid() + "-"
          + System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Long> pids(Path dir, String tag) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(tag + "-"))
          .map(n -> Long.parseLong(n.split("-")[2])).collect(Collectors.toSet());
    }
  }

  private static long count(Path dir, String tag) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(tag + "-")).count();
    }
  }

  private static void awaitGate(String gate) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    try {
      while (!Files.exists(Path.of(gate)) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void mark(int partition, String marks) {
    try {
      Files.createFile(Path.of(marks, "reduce-" + partition + "-" + ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Long> reducePids(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("reduce-"))
          .map(n -> Long.parseLong(n.split("-")[2])).collect(Collectors.toSet());
    }
  }

  private static void awaitSessionWorkers(KindlingSession session, int count) throws InterruptedException {
    ClusterSession view = (ClusterSession) session.internalContext().backend("awaitSessionWorkers");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (view.workers().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The session has " + view.workers() + ", not " + count + " workers");
      }
      Thread.sleep(100);
    }
  }
}
