package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobFailedException;
import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.ops.KindlingCli;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on three worker JVMs over Artery TCP give what local mode gives. */
@Tag("cluster")
class TcpClusterTest {
  private static final int WORKERS = 3;

  private static LocalCluster cluster;
  private static KindlingSession session;
  private static KindlingSession local;

  @BeforeAll
  static void start() {
    cluster = LocalCluster.start("tcp", WORKERS, Map.of());
    session = cluster.session("tcp-test", WORKERS).create();
    local = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void parallelizeMapReduce_threeWorkers_equalsLocalMode() {
    List<Integer> data = IntStream.rangeClosed(1, 10_000).boxed().collect(Collectors.toList());
    int onCluster = session.parallelize(data, 6).map(x -> x * 3 + 1).filter(x -> x % 2 == 0).reduce(Integer::sum);
    int onLocal = local.parallelize(data, 6).map(x -> x * 3 + 1).filter(x -> x % 2 == 0).reduce(Integer::sum);
    assertThat(onCluster).isEqualTo(onLocal);
  }

  @Test
  void textFileWordCount_threeWorkers_equalsLocalMode(@TempDir Path dir) throws Exception {
    long seed = 20261122L;
    Random random = new Random(seed);
    String[] words = {"akka", "spark", "kindling", "actor", "shuffle", "lineage", "partition"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = random.nextInt(8); w >= 0; w--) {
        line.append(words[random.nextInt(words.length)]).append(' ');
      }
      lines.add(line.toString().trim());
    }
    Path file = dir.resolve("words.txt");
    Files.write(file, lines, StandardCharsets.UTF_8);

    Map<String, Long> onCluster = session.textFile(file.toString(), 5)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator()).countByValue();
    Map<String, Long> onLocal = local.textFile(file.toString(), 5)
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator()).countByValue();
    assertThat(onCluster).as("seed %s", seed).isEqualTo(onLocal);
    assertThat(session.textFile(file.toString(), 5).count()).isEqualTo(3_000);
  }

  @Test
  void wordCountWithReduceByKey_threeWorkers_equalsLocalMode() {
    List<String> lines = Workloads.lines(7L, 2_000);
    assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(Workloads.wordCount(local, lines, 6));
  }

  @Test
  void join_threeWorkers_equalsLocalMode() {
    assertThat(Workloads.join(session, 5)).isEqualTo(Workloads.join(local, 5));
  }

  @Test
  void cachedIterativeJob_threeWorkers_equalsLocalMode() {
    assertThat(Workloads.cachedIterative(session, 6)).isEqualTo(Workloads.cachedIterative(local, 6));
  }

  @Test
  void collect_keepsPartitionOrder() {
    List<String> data = IntStream.range(0, 500).mapToObj(i -> "row-" + i).collect(Collectors.toList());
    assertThat(session.parallelize(data, 7).map(s -> s.toUpperCase()).collect())
        .isEqualTo(data.stream().map(String::toUpperCase).toList());
  }

  @Test
  void partitions_runOnEveryWorkerAndNotOnTheDriver() {
    List<Long> pids = session.parallelize(IntStream.range(0, 6).boxed().toList(), 6)
        .map(x -> ProcessHandle.current().pid()).collect();
    assertThat(pids.stream().distinct().count()).isEqualTo(WORKERS);
    assertThat(pids).doesNotContain(ProcessHandle.current().pid());
  }

  @Test
  void userException_failsTheJobWithTheUsersExceptionType() {
    assertThatThrownBy(() -> session.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 3) {
        throw new IllegalStateException("bad element " + x);
      }
      return x;
    }).collect())
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("bad element 3")
        .cause().isExactlyInstanceOf(IllegalStateException.class).hasMessage("bad element 3");
  }

  @Test
  void resultLargerThanAClusterMessage_failsTheJobSayingWhatToDo() {
    assertThatThrownBy(() -> session.parallelize(List.of(1), 1).map(x -> new byte[9 << 20]).collect())
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("kindling.cluster.maximum-message-size");
  }

  @Test
  void longAccumulator_addsEveryPartitionOnce() {
    LongAccumulator seen = session.longAccumulator("seen");
    session.parallelize(IntStream.range(0, 1000).boxed().toList(), 5).foreach(x -> seen.add(1));
    assertThat(seen.value()).isEqualTo(1000L);
  }

  @Test
  void statusCommand_listsTheWorkersAndTheDriver() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    int status;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      status = KindlingCli.run("status", "--seed", cluster.worker(0).address().toString());
    } finally {
      System.setOut(previous);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isZero();
    for (LocalCluster.Worker w : cluster.workers().subList(0, WORKERS)) {
      assertThat(text).contains(w.akkaAddress());
    }
    assertThat(text).contains("driver").contains("tcp-test").contains("BLOCKS").contains("MAP-OUTPUTS");
  }

  @Test
  void joinedWorker_takesPartitionsOfTheNextJob_andLeaveCommandEndsIt() {
    LocalCluster.Worker extra = cluster.startWorker();
    awaitSessionWorkers(WORKERS + 1);

    List<Long> pids = session.parallelize(IntStream.range(0, 8).boxed().toList(), 8)
        .map(x -> ProcessHandle.current().pid()).collect();
    assertThat(pids).contains(extra.process().pid());
    assertThat(pids.stream().distinct().count()).isEqualTo(WORKERS + 1);

    assertThat(KindlingCli.run("leave", extra.address().toString())).isZero();
    assertThat(cluster.awaitExit(extra, Duration.ofSeconds(120))).as(cluster.log(extra)).isZero();
    awaitSessionWorkers(WORKERS);
    cluster.awaitMembers("the extra worker removed", members -> members.stream()
        .noneMatch(m -> m.address().equals(extra.akkaAddress())), Duration.ofSeconds(60));
    assertThat(session.parallelize(List.of(1, 2, 3), 3).map(x -> x + 1).collect()).containsExactly(2, 3, 4);
  }

  @Test
  void sigterm_workerLeavesTheClusterGracefully() {
    LocalCluster.Worker extra = cluster.startWorker();
    awaitSessionWorkers(WORKERS + 1);

    extra.process().destroy();

    cluster.awaitExit(extra, Duration.ofSeconds(120));
    assertThat(cluster.log(extra)).contains("stopping: left the cluster");
    awaitSessionWorkers(WORKERS);
    assertThat(session.parallelize(List.of(1, 2, 3), 3).map(x -> x * 10).collect()).containsExactly(10, 20, 30);
  }

  @Test
  void submitCommand_runsTheApplicationAsADriverOfTheCluster(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("app.jar");
    String entry = SubmittedApp.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream in = SubmittedApp.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
    }
    Path result = dir.resolve("result.txt");
    int status;
    try {
      status = KindlingCli.run("submit", "--class", SubmittedApp.class.getName(), "--master", cluster.masterUrl(),
          "--conf", "kindling.cluster.min-workers=" + WORKERS, "--conf", "kindling.cluster.worker-wait-timeout=180s",
          jar.toString(), result.toString());
    } finally {
      System.clearProperty("kindling.master");
      System.clearProperty("kindling.cluster.min-workers");
      System.clearProperty("kindling.cluster.worker-wait-timeout");
      ConfigFactory.invalidateCaches();
    }
    assertThat(status).isZero();
    assertThat(Files.readString(result)).isEqualTo(cluster.masterUrl() + " 10100");
  }

  private static void awaitSessionWorkers(int count) {
    ClusterSession view = (ClusterSession) session.internalContext().backend("awaitSessionWorkers");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (view.workers().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The session has " + view.workers() + ", not " + count + " workers");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
