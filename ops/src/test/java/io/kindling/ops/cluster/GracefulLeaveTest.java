package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.ops.KindlingCli;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that leaves on purpose hands its cached blocks and map outputs over first: nothing is recomputed. */
@Tag("cluster")
class GracefulLeaveTest {
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
  void leaveCommand_handsBlocksAndShuffleOutputsOver_nothingIsRecomputed(@TempDir Path dir) throws Exception {
    leaveAndCheck("leave-cli", dir, victim -> assertThat(KindlingCli.run("leave", victim.address().toString()))
        .isZero());
  }

  @Test
  void sigterm_handsBlocksAndShuffleOutputsOver_nothingIsRecomputed(@TempDir Path dir) throws Exception {
    leaveAndCheck("leave-sigterm", dir, victim -> victim.process().destroy());
  }

  private void leaveAndCheck(String name, Path dir, java.util.function.Consumer<LocalCluster.Worker> leave)
      throws Exception {
    cluster = LocalCluster.start(name, WORKERS, Map.of(), 2);
    String marks = dir.toString();
    List<Integer> data = IntStream.range(0, 600).boxed().toList();
    try (KindlingSession session = cluster.session(name, WORKERS).create()) {
      RDD<Integer> cached = session.parallelize(data, PARTITIONS)
          .mapPartitionsWithIndex((p, it) -> {
            mark("cache", p, marks);
            return it;
          })
          .map(x -> x * 2)
          .cache();
      PairRDD<Integer, Integer> sums = cached
          .mapPartitionsWithIndex((p, it) -> {
            mark("map", p, marks);
            return it;
          })
          .mapToPair(x -> Tuple2.of(x % 7, x))
          .reduceByKey(Integer::sum, PARTITIONS);
      Map<Integer, Integer> before = sums.collectAsMap();
      assertThat(count(dir, "cache")).isEqualTo(PARTITIONS);
      assertThat(count(dir, "map")).isEqualTo(PARTITIONS);

      LocalCluster.Worker victim = cluster.worker(1);
      leave.accept(victim);
      cluster.awaitExit(victim, Duration.ofSeconds(120));
      assertThat(cluster.log(victim)).contains("stopping: left the cluster");
      awaitSessionWorkers(session, WORKERS - 1);

      assertThat(sums.collectAsMap()).isEqualTo(before);
      assertThat(cached.map(x -> x + 1).collect()).isEqualTo(data.stream().map(x -> x * 2 + 1).toList());
      assertThat(count(dir, "cache")).as("cached partitions computed").isEqualTo(PARTITIONS);
      assertThat(count(dir, "map")).as("map partitions computed").isEqualTo(PARTITIONS);
    }
  }

  private static void mark(String tag, int partition, String marks) {
    try {
      Files.createFile(Path.of(marks, tag + "-" + partition + "-" + ProcessHandle.current().pid() + "-"
          + System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long count(Path dir, String tag) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(tag + "-")).count();
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
}
