package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a worker JVM during a job: the answer is unchanged and only the lost partitions run again. */
@Tag("cluster")
class NodeLossTest {
  private static final int WORKERS = 3;
  private static final int PARTITIONS = 6;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void killDashNine_duringAResultStage_recomputesExactlyTheLostPartitions(@TempDir Path dir) throws Exception {
    cluster = LocalCluster.start("loss-result", WORKERS, Map.of(), 2);
    Path gate = dir.resolve("gate");
    String marks = dir.toString();
    String gatePath = gate.toString();
    Set<Integer> retried = ConcurrentHashMap.newKeySet();
    List<Integer> data = IntStream.range(0, PARTITIONS).boxed().toList();
    try (KindlingSession session = cluster.session("loss", WORKERS).create()) {
      session.addListener(new JobListener() {
        @Override
        public void onPartitionFailed(PartitionFailed event) {
          retried.add(event.partition());
        }
      });
      CompletableFuture<List<Integer>> result = session.parallelize(data, PARTITIONS)
          .map(x -> blockUntilOpen("result", x, marks, gatePath)).collectAsync().toCompletableFuture();

      awaitStarts(dir, "result", PARTITIONS);
      LocalCluster.Worker victim = cluster.worker(1);
      Set<Integer> onVictim = startedBy(dir, "result", victim.process().pid());
      assertThat(onVictim).hasSize(2);

      cluster.kill(victim);
      Files.createFile(gate);

      assertThat(result.get(180, TimeUnit.SECONDS)).isEqualTo(data.stream().map(x -> x * x).toList());
      assertThat(retried).isEqualTo(onVictim);
      assertRunsTwiceExactly(dir, "result", onVictim);
      cluster.awaitMembers("the victim removed", members -> members.stream()
          .noneMatch(m -> m.address().equals(victim.akkaAddress())), Duration.ofSeconds(120));
      assertThat(session.parallelize(data, PARTITIONS).map(x -> x + 1).collect())
          .isEqualTo(data.stream().map(x -> x + 1).toList());
    }
  }

  @Test
  void killDashNine_duringAShuffleMapStage_recomputesExactlyTheLostMapPartitions(@TempDir Path dir)
      throws Exception {
    cluster = LocalCluster.start("loss-map", WORKERS, Map.of(), 2);
    String marks = dir.toString();
    String gatePath = dir.resolve("gate").toString();
    List<Integer> data = IntStream.range(0, 600).boxed().toList();
    Map<Integer, Integer> expected = data.stream().collect(Collectors.groupingBy(x -> x % 7,
        Collectors.summingInt(x -> x)));
    try (KindlingSession session = cluster.session("loss-map", WORKERS).create()) {
      Set<String> retried = ConcurrentHashMap.newKeySet();
      session.addListener(new JobListener() {
        @Override
        public void onPartitionFailed(PartitionFailed event) {
          retried.add(event.stageId() + "/" + event.partition());
        }
      });
      CompletableFuture<Map<Integer, Integer>> result = CompletableFuture.supplyAsync(() -> session
          .parallelize(data, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            blockUntilOpen("map", p, marks, gatePath);
            return it;
          })
          .mapToPair(x -> Tuple2.of(x % 7, x))
          .reduceByKey(Integer::sum, PARTITIONS)
          .collectAsMap());

      awaitStarts(dir, "map", PARTITIONS);
      LocalCluster.Worker victim = cluster.worker(1);
      Set<Integer> onVictim = startedBy(dir, "map", victim.process().pid());
      assertThat(onVictim).hasSize(2);

      cluster.kill(victim);
      Files.createFile(Path.of(gatePath));

      assertThat(result.get(180, TimeUnit.SECONDS)).isEqualTo(expected);
      assertRunsTwiceExactly(dir, "map", onVictim);
      assertThat(retried).hasSize(onVictim.size());
    }
  }

  @Test
  void killDashNine_duringAResultStageAfterAShuffle_recomputesTheLostMapOutputsAndPartitions(@TempDir Path dir)
      throws Exception {
    cluster = LocalCluster.start("loss-reduce", WORKERS, Map.of(), 2);
    String marks = dir.toString();
    String gatePath = dir.resolve("gate").toString();
    List<Integer> data = IntStream.range(0, 600).boxed().toList();
    Map<Integer, Integer> expected = data.stream().collect(Collectors.groupingBy(x -> x % 12,
        Collectors.summingInt(x -> x)));
    try (KindlingSession session = cluster.session("loss-reduce", WORKERS).create()) {
      CompletableFuture<Map<Integer, Integer>> result = CompletableFuture.supplyAsync(() -> session
          .parallelize(data, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            mark("map", p, marks);
            return it;
          })
          .mapToPair(x -> Tuple2.of(x % 12, x))
          .reduceByKey(Integer::sum, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            blockUntilOpen("reduce", p, marks, gatePath);
            return it;
          })
          .mapToPair(t -> t)
          .collectAsMap());

      awaitStarts(dir, "reduce", PARTITIONS);
      LocalCluster.Worker victim = cluster.worker(1);
      long pid = victim.process().pid();
      Set<Integer> mapsOnVictim = startedBy(dir, "map", pid);
      Set<Integer> reducesOnVictim = startedBy(dir, "reduce", pid);
      assertThat(mapsOnVictim).hasSize(2);
      assertThat(reducesOnVictim).hasSize(2);

      cluster.kill(victim);
      Files.createFile(Path.of(gatePath));

      assertThat(result.get(180, TimeUnit.SECONDS)).isEqualTo(expected);
      assertRunsTwiceExactly(dir, "map", mapsOnVictim);
      assertRunsTwiceExactly(dir, "reduce", reducesOnVictim);
    }
  }

  @Test
  void killDashNine_afterCaching_recomputesExactlyTheLostBlocks(@TempDir Path dir) throws Exception {
    cluster = LocalCluster.start("loss-cache", WORKERS, Map.of(), 2);
    String marks = dir.toString();
    List<Integer> data = IntStream.range(0, 600).boxed().toList();
    try (KindlingSession session = cluster.session("loss-cache", WORKERS).create()) {
      RDD<Integer> cached = session.parallelize(data, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            mark("cache", p, marks);
            return it;
          })
          .map(x -> x * 2)
          .cache();
      assertThat(cached.count()).isEqualTo(600);
      LocalCluster.Worker victim = cluster.worker(1);
      Set<Integer> onVictim = startedBy(dir, "cache", victim.process().pid());
      assertThat(onVictim).hasSize(2);

      cluster.kill(victim);
      awaitSessionWorkers(session, WORKERS - 1);

      assertThat(cached.map(x -> x + 1).collect()).isEqualTo(data.stream().map(x -> x * 2 + 1).toList());
      assertRunsTwiceExactly(dir, "cache", onVictim);
      assertThat(cached.reduce(Integer::sum)).isEqualTo(data.stream().mapToInt(x -> x * 2).sum());
      assertRunsTwiceExactly(dir, "cache", onVictim);
    }
  }

  private static void awaitSessionWorkers(KindlingSession session, int count) throws InterruptedException {
    ClusterSession view = (ClusterSession) session.internalContext().backend("awaitSessionWorkers");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (view.workers().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The session has " + view.workers() + ", not " + count + " workers");
      }
      Thread.sleep(100);
    }
  }

  private static void assertRunsTwiceExactly(Path dir, String tag, Set<Integer> lost) throws IOException {
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(startsOf(dir, tag, p)).as("runs of %s partition %s (lost: %s)", tag, p, lost)
          .hasSize(lost.contains(p) ? 2 : 1);
    }
  }

  /** Marks that partition {@code x} of {@code tag} started in this process. */
  private static void mark(String tag, int x, String marks) {
    try {
      Files.createFile(Path.of(marks, "start-" + tag + "-" + x + "-" + ProcessHandle.current().pid() + "-"
          + System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Marks that partition {@code x} started in this process, then waits for the gate file. */
  private static int blockUntilOpen(String tag, int x, String marks, String gate) {
    try {
      mark(tag, x, marks);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(Path.of(gate)) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return x * x;
  }

  private static void awaitStarts(Path dir, String tag, int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (starts(dir, tag).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + starts(dir, tag).size() + " " + tag + " partitions started");
      }
      Thread.sleep(50);
    }
  }

  /** Marks {@code start-TAG-PARTITION-PID-NANOS}, split. */
  private static List<String[]> starts(Path dir, String tag) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("start-" + tag + "-"))
          .map(n -> n.split("-")).toList();
    }
  }

  private static Set<Integer> startedBy(Path dir, String tag, long pid) throws IOException {
    return starts(dir, tag).stream().filter(s -> Long.parseLong(s[3]) == pid).map(s -> Integer.parseInt(s[2]))
        .collect(Collectors.toSet());
  }

  private static List<String[]> startsOf(Path dir, String tag, int partition) throws IOException {
    return starts(dir, tag).stream().filter(s -> Integer.parseInt(s[2]) == partition).toList();
  }
}
