package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
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
          .map(x -> blockUntilOpen(x, marks, gatePath)).collectAsync().toCompletableFuture();

      awaitStarts(dir, PARTITIONS);
      LocalCluster.Worker victim = cluster.worker(1);
      Set<Integer> onVictim = startedBy(dir, victim.process().pid());
      assertThat(onVictim).hasSize(2);

      cluster.kill(victim);
      Files.createFile(gate);

      assertThat(result.get(180, TimeUnit.SECONDS)).isEqualTo(data.stream().map(x -> x * x).toList());
      assertThat(retried).isEqualTo(onVictim);
      for (int p = 0; p < PARTITIONS; p++) {
        assertThat(startsOf(dir, p)).as("runs of partition %s", p).hasSize(onVictim.contains(p) ? 2 : 1);
      }
      cluster.awaitMembers("the victim removed", members -> members.stream()
          .noneMatch(m -> m.address().equals(victim.akkaAddress())), Duration.ofSeconds(120));
      assertThat(session.parallelize(data, PARTITIONS).map(x -> x + 1).collect())
          .isEqualTo(data.stream().map(x -> x + 1).toList());
    }
  }

  /** Marks that partition {@code x} started in this process, then waits for the gate file. */
  private static int blockUntilOpen(int x, String marks, String gate) {
    try {
      Files.createFile(Path.of(marks, "start-" + x + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(Path.of(gate)) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return x * x;
  }

  private static void awaitStarts(Path dir, int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (starts(dir).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + starts(dir) + " started");
      }
      Thread.sleep(50);
    }
  }

  private static List<String[]> starts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("start-"))
          .map(n -> n.split("-")).toList();
    }
  }

  private static Set<Integer> startedBy(Path dir, long pid) throws IOException {
    return starts(dir).stream().filter(s -> Long.parseLong(s[2]) == pid).map(s -> Integer.parseInt(s[1]))
        .collect(Collectors.toSet());
  }

  private static List<String[]> startsOf(Path dir, int partition) throws IOException {
    return starts(dir).stream().filter(s -> Integer.parseInt(s[1]) == partition).toList();
  }
}
