package io.kindling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.rdd.RDD;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, sharing and stopping sessions: idempotent stop, no leaks, the default session, isolation. */
class SessionLifecycleTest {

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @AfterEach
  void stopDefault() {
    KindlingSession.getActiveSession().ifPresent(KindlingSession::stop);
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Polls until no thread that was not alive in {@code before} is left, or the timeout passes. */
  private static Set<String> leftoverThreads(Set<String> before, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Set<String> extra;
    do {
      extra = new TreeSet<>(liveThreads());
      extra.removeAll(before);
      if (extra.isEmpty()) {
        return extra;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return extra;
  }

  @Test
  void stopAndClose_areIdempotent() {
    KindlingSession s = KindlingSession.builder().master("local[1]").create();
    assertThat(s.isStopped()).isFalse();
    s.stop();
    s.stop();
    s.close();
    assertThat(s.isStopped()).isTrue();
  }

  @Test
  void fiftySessions_startedAndStopped_leaveNoThreads() throws Exception {
    // One session first, so that JVM-wide threads started on first use are part of the baseline.
    try (KindlingSession warm = KindlingSession.builder().master("local[2]").create()) {
      warm.parallelize(range(0, 10), 2).count();
    }
    Set<String> before = liveThreads();
    for (int i = 0; i < 50; i++) {
      KindlingSession s = KindlingSession.builder().appName("leak-" + i).master("local[2]").create();
      try {
        assertThat(s.parallelize(range(0, 100), 4).map(x -> x + 1).reduce(Integer::sum)).isEqualTo(5050);
      } finally {
        s.close();
      }
    }
    Set<String> leftover = leftoverThreads(before, 60_000);
    assertThat(leftover).as("threads left behind").isEmpty();
  }

  @Test
  void fiftySessions_leaveNoTempFiles(@TempDir Path tmp) throws Exception {
    // A JVM of its own with a private temporary directory: the machine's /tmp is shared with other processes.
    Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-Djava.io.tmpdir") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
        .toList());
    command.add("-Djava.io.tmpdir=" + javaTmp);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TempFileProbe.class.getName());
    command.add("50");
    Path log = tmp.resolve("probe.log");
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(probe.waitFor(300, TimeUnit.SECONDS)).as("probe finished").isTrue();
    assertThat(probe.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("sessions done: 50");
    try (Stream<Path> left = Files.list(javaTmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).as("temporary files left behind").isEmpty();
    }
  }

  @Test
  void stoppedSession_hasNoActorSystemLeft() throws Exception {
    Set<String> before = liveThreads();
    KindlingSession s = KindlingSession.builder().master("local[2]").create();
    String id = s.internalContext().sessionId();
    s.parallelize(range(0, 4), 2).collect();
    assertThat(liveThreads()).anyMatch(n -> n.startsWith("kindling-" + id + "-akka.actor"));
    assertThat(liveThreads()).anyMatch(n -> n.startsWith("kindling-compute-" + id + "-"));
    s.stop();
    // The actor system's dispatcher and scheduler threads, and the compute pool, are gone.
    assertThat(leftoverThreads(before, 60_000)).isEmpty();
    assertThat(liveThreads()).noneMatch(n -> n.contains(id + "-"));
  }

  @Test
  void getOrCreate_returnsTheSameSessionUntilItStops() {
    KindlingSession first = KindlingSession.builder().appName("default").master("local[2]").getOrCreate();
    KindlingSession again = KindlingSession.builder().appName("ignored").master("local[1]").getOrCreate();
    assertThat(again).isSameAs(first);
    assertThat(KindlingSession.getActiveSession()).containsSame(first);
    first.stop();
    assertThat(KindlingSession.getActiveSession()).isEmpty();
    KindlingSession next = KindlingSession.builder().master("local[1]").getOrCreate();
    assertThat(next).isNotSameAs(first);
    assertThat(next.isStopped()).isFalse();
    assertThat(next.parallelize(range(0, 3)).count()).isEqualTo(3);
  }

  @Test
  void create_alwaysMakesANewSession_thatIsNotTheDefault() {
    try (KindlingSession a = KindlingSession.builder().master("local[1]").create();
        KindlingSession b = KindlingSession.builder().master("local[1]").create()) {
      assertThat(a).isNotSameAs(b);
      assertThat(a.internalContext().sessionId()).isNotEqualTo(b.internalContext().sessionId());
      assertThat(KindlingSession.getActiveSession()).isEmpty();
      KindlingSession def = KindlingSession.builder().master("local[1]").getOrCreate();
      assertThat(def).isNotSameAs(a).isNotSameAs(b);
    }
  }

  @Test
  void severalSessions_runJobsAtOnce_inIsolation() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int factor = t + 1;
        results.add(threads.submit(() -> {
          try (KindlingSession s = KindlingSession.builder().appName("iso-" + factor).master("local[2]").create()) {
            LongAccumulator mine = s.longAccumulator("mine");
            Broadcast<Integer> f = s.broadcast(factor);
            bothRunning.await(60, TimeUnit.SECONDS);
            long total = 0;
            for (int job = 0; job < 20; job++) {
              total += s.parallelize(range(0, 100), 4).map(x -> {
                mine.add(1);
                return (long) x * f.value();
              }).reduce(Long::sum);
            }
            assertThat(mine.value()).isEqualTo(2000L);
            bothRunning.await(60, TimeUnit.SECONDS);
            return total;
          }
        }));
      }
      assertThat(results.get(0).get(120, TimeUnit.SECONDS)).isEqualTo(20L * 4950);
      assertThat(results.get(1).get(120, TimeUnit.SECONDS)).isEqualTo(20L * 4950 * 2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void stopFromAListener_isRefusedAsInSpark_andTheJobCompletes() throws Exception {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      java.util.concurrent.CompletableFuture<Throwable> refused = new java.util.concurrent.CompletableFuture<>();
      s.addListener(new JobListener() {
        @Override
        public void onJobEnded(JobEnded event) {
          try {
            s.stop();
            refused.complete(null);
          } catch (RuntimeException e) {
            refused.complete(e);
          }
        }
      });
      assertThat(s.parallelize(range(0, 4), 2).count()).isEqualTo(4);
      assertThat(refused.get(60, TimeUnit.SECONDS)).isInstanceOf(KindlingException.class)
          .hasMessageContaining("Cannot stop a KindlingSession from inside one of its JobListeners");
      assertThat(s.isStopped()).isFalse();
    }
  }

  @Test
  void stopFromATask_isRefused() {
    try (KindlingSession s = KindlingSession.builder().master("local[1]").create()) {
      STOPPABLE.set(s);
      RDD<Integer> stopping = s.parallelize(range(0, 2), 1).map(x -> {
        STOPPABLE.get().stop();
        return x;
      });
      assertThatThrownBy(stopping::collect).isInstanceOf(JobFailedException.class)
          .hasRootCauseMessage("Cannot stop a KindlingSession from inside a task: they run on the session's own"
              + " threads, which stopping waits for. Stop it from another thread.");
      assertThat(s.isStopped()).isFalse();
    } finally {
      STOPPABLE.set(null);
    }
  }

  private static final java.util.concurrent.atomic.AtomicReference<KindlingSession> STOPPABLE =
      new java.util.concurrent.atomic.AtomicReference<>();

  @Test
  void stoppingOneSession_leavesTheOtherRunning() {
    try (KindlingSession keep = KindlingSession.builder().master("local[2]").create()) {
      KindlingSession gone = KindlingSession.builder().master("local[2]").create();
      gone.stop();
      assertThat(keep.parallelize(range(0, 10), 2).count()).isEqualTo(10);
    }
  }

  @Test
  void settings_comeFromTheBuilderOverReferenceConf() {
    try (KindlingSession s = KindlingSession.builder().appName("conf-test").master("local[3]")
        .config("kindling.task.max-attempts", 2L).config("kindling.input.max-split-bytes", "1m").create()) {
      assertThat(s.appName()).isEqualTo("conf-test");
      assertThat(s.master()).isEqualTo("local[3]");
      assertThat(s.defaultParallelism()).isEqualTo(3);
      assertThat(s.conf("kindling.task.max-attempts")).isEqualTo("2");
      assertThat(s.conf("kindling.input.max-split-bytes")).isEqualTo("1m");
      assertThat(s.toString()).contains("conf-test", "local[3]");
    }
  }

  @Test
  void config_acceptsStringLongDoubleAndBooleanValues() {
    try (KindlingSession s = KindlingSession.builder().master("local[1]").config("app.name", "x")
        .config("app.count", 3L).config("app.ratio", 0.25).config("app.enabled", true).create()) {
      assertThat(s.conf("app.name")).isEqualTo("x");
      assertThat(s.conf("app.count")).isEqualTo("3");
      assertThat(s.conf("app.ratio")).isEqualTo("0.25");
      assertThat(s.conf("app.enabled")).isEqualTo("true");
    }
  }

  @Test
  void defaults_areLocalStarWithEveryCore() {
    try (KindlingSession s = KindlingSession.builder().create()) {
      assertThat(s.master()).isEqualTo("local[*]");
      assertThat(s.appName()).isEqualTo("kindling");
      assertThat(s.defaultParallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(s.conf("kindling.task.max-attempts")).isEqualTo("4");
    }
  }

  @Test
  void defaultParallelism_setting_overridesTheCores() {
    try (KindlingSession s = KindlingSession.builder().master("local").config("kindling.default-parallelism", 5L)
        .create()) {
      assertThat(s.defaultParallelism()).isEqualTo(5);
      assertThat(s.parallelize(range(0, 10)).getNumPartitions()).isEqualTo(5);
      assertThat(s.parallelize(range(0, 10)).collect()).isEqualTo(range(0, 10));
    }
  }

  @Test
  void localOneCore_stillRunsManyPartitions() {
    try (KindlingSession s = KindlingSession.builder().master("local").create()) {
      assertThat(s.defaultParallelism()).isEqualTo(1);
      assertThat(s.parallelize(range(0, 1000), 16).map(x -> x * 2).count()).isEqualTo(1000);
    }
  }

  @Test
  void badMaster_failsClearly() {
    assertThatThrownBy(() -> KindlingSession.builder().master("yarn").create())
        .isInstanceOf(KindlingException.class).hasMessageContaining("'yarn'");
    assertThatThrownBy(() -> KindlingSession.builder().master("local[0]").create())
        .isInstanceOf(KindlingException.class).hasMessageContaining("local[0]");
  }

  @Test
  void masterWithoutABackend_failsNamingIt() {
    assertThatThrownBy(() -> KindlingSession.builder().master("cluster").create())
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("'cluster'");
  }

  @Test
  void badRuntimeSetting_failsWhenTheSessionIsBuilt_leavingNoThreads() throws Exception {
    Set<String> before = liveThreads();
    assertThatThrownBy(() -> KindlingSession.builder().master("local[2]")
        .config("kindling.input.max-split-bytes", 0L).create())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kindling.input.max-split-bytes");
    assertThatThrownBy(() -> KindlingSession.builder().master("local[2]")
        .config("kindling.input.max-split-bytes", "lots").create())
        .isInstanceOf(com.typesafe.config.ConfigException.class).hasMessageContaining("max-split-bytes");
    assertThat(leftoverThreads(before, 60_000)).isEmpty();
  }

  @Test
  void badSetting_failsWhenTheSessionIsBuilt() {
    assertThatThrownBy(() -> KindlingSession.builder().master("local[1]").config("kindling.task.max-attempts", 0L)
        .create()).isInstanceOf(KindlingException.class).hasMessageContaining("kindling.task.max-attempts");
  }
}
