package io.kindling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.internal.lineage.TaskContext;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error case of the foundation: user exceptions, retries, unserializable closures, paths, stopped sessions. */
class ErrorsTest {
  private static KindlingSession session;
  private static final CountDownLatch BLOCKED_TASK_STARTED = new CountDownLatch(1);
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  /** A test's own state: lambdas that touch it capture {@code this}, which is not serializable. */
  private final int offset = 1;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("errors").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  /** A service object a user might capture by mistake. */
  static final class Database {
    int lookup(int key) {
      return key;
    }
  }

  @Test
  void userException_failsTheJobAfterMaxAttempts_withItAsCause_namingDatasetPartitionAndCallSite() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    JobListener counter = new JobListener() {
      @Override
      public void onPartitionFailed(PartitionFailed event) {
        attempts.add(event.attempt());
      }
    };
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    RDD<Integer> bad = session.parallelize(range(0, 20), 4).map(x -> {
      if (x == 13) {
        throw new IllegalStateException("cannot handle " + x);
      }
      return x;
    });
    session.addListener(counter);
    try {
      assertThatThrownBy(bad::collect)
          .isInstanceOf(JobFailedException.class)
          .hasCauseExactlyInstanceOf(IllegalStateException.class)
          .cause().hasMessage("cannot handle 13");
      Throwable thrown = null;
      int actionLine = new Throwable().getStackTrace()[0].getLineNumber() + 2;
      try {
        bad.collect();
      } catch (JobFailedException e) {
        thrown = e;
      }
      assertThat(thrown).isNotNull();
      assertThat(thrown.getMessage())
          .contains("collect at ErrorsTest.java:" + actionLine)
          .contains("partition 2 of MapPartitionsRDD[" + bad.id() + "] at map at ErrorsTest.java:" + line)
          .contains("failed 4 times")
          .contains("cannot handle 13");
    } finally {
      session.removeListener(counter);
    }
    assertThat(attempts).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
  }

  private static Throwable catchThrown(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("nothing thrown");
  }

  @Test
  void userException_isThrownFromTheCallersThread_withTheRuntimesFailureSuppressed() {
    RDD<Integer> bad = session.parallelize(range(0, 2), 1).map(x -> {
      throw new ArithmeticException("divide by zero");
    });
    Throwable thrown = catchThrown(bad::count);
    assertThat(thrown).isInstanceOf(JobFailedException.class);
    assertThat(thrown.getStackTrace()).anySatisfy(f -> assertThat(f.getClassName()).isEqualTo(
        ErrorsTest.class.getName()));
    assertThat(thrown.getCause()).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void checkedUserException_isTheCause() {
    RDD<String> bad = session.parallelize(List.of("a"), 1).map(s -> {
      throw new IOException("disk on fire");
    });
    assertThatThrownBy(bad::collect).isInstanceOf(JobFailedException.class)
        .hasCauseExactlyInstanceOf(IOException.class);
  }

  @Test
  void userError_isTheCause() {
    RDD<String> bad = session.parallelize(List.of("a"), 1).map(s -> {
      throw new AssertionError("invariant broken");
    });
    assertThatThrownBy(bad::collect).isInstanceOf(JobFailedException.class)
        .hasCauseExactlyInstanceOf(AssertionError.class);
  }

  @Test
  void maxAttempts_isConfigurable() {
    try (KindlingSession once = KindlingSession.builder().master("local[2]")
        .config("kindling.task.max-attempts", 1L).create()) {
      assertThat(once.conf("kindling.task.max-attempts")).isEqualTo("1");
      RDD<Integer> bad = once.parallelize(range(0, 4), 2).map(x -> x / (x - 3));
      assertThatThrownBy(bad::collect).isInstanceOf(JobFailedException.class)
          .hasMessageContaining("partition 1 of MapPartitionsRDD")
          .hasMessageContaining("failed 1 time;")
          .hasCauseExactlyInstanceOf(ArithmeticException.class);
    }
  }

  @Test
  void failingOnFirstAttemptOnly_succeedsOnRetry() {
    List<Integer> out = session.parallelize(range(0, 10), 5).map(x -> {
      if (x % 2 == 1 && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("flaky");
      }
      return x * 10;
    }).collect();
    assertThat(out).isEqualTo(range(0, 10).stream().map(x -> x * 10).toList());
  }

  @Test
  void failingOnThreeAttempts_succeedsOnTheFourth() {
    assertThat(session.parallelize(range(0, 3), 1).map(x -> {
      if (TaskContext.get().attemptNumber() < 3) {
        throw new IllegalStateException("not yet");
      }
      return x;
    }).count()).isEqualTo(3);
  }

  @Test
  void closureCapturingTheTestInstance_failsAtTheActionNamingTheClass() {
    RDD<Integer> mapped = session.parallelize(range(0, 3), 1).map(x -> x + offset);
    assertThatThrownBy(mapped::collect)
        .isInstanceOf(KindlingException.class)
        .hasMessageStartingWith("Task not serializable: map at ErrorsTest.java:")
        .hasMessageContaining("holds an object of class " + ErrorsTest.class.getName()
            + ", which is not java.io.Serializable")
        .hasMessageContaining("captures 'this'");
  }

  @Test
  void closureCapturingAService_namesTheServiceClass() {
    Database db = new Database();
    RDD<Integer> looked = session.parallelize(range(0, 3), 1).filter(x -> x > 0).map(db::lookup);
    assertThatThrownBy(looked::count)
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("Task not serializable")
        .hasMessageContaining("MapPartitionsRDD[" + looked.id() + "]")
        .hasMessageContaining(Database.class.getName());
  }

  @Test
  void actionFunctionCapturingAService_namesTheAction() {
    Database db = new Database();
    RDD<Integer> data = session.parallelize(range(0, 3), 1);
    assertThatThrownBy(() -> data.foreach(x -> db.lookup(x)))
        .isInstanceOf(KindlingException.class)
        .hasMessageStartingWith("Task not serializable: the function passed to foreach at ErrorsTest.java:")
        .hasMessageContaining(Database.class.getName());
  }

  @Test
  void unserializableComparator_namesItsClass() {
    Comparator<Integer> plain = (a, b) -> b - a;
    RDD<Integer> data = session.parallelize(range(0, 3), 1);
    assertThatThrownBy(() -> data.takeOrdered(2, plain))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("Task not serializable")
        .hasMessageContaining("takeOrdered")
        .hasMessageContaining("ErrorsTest$$Lambda");
  }

  @Test
  void unserializableZeroValue_failsNamingIt() {
    RDD<Integer> data = session.parallelize(range(0, 3), 1);
    assertThatThrownBy(() -> data.fold(0, (a, b) -> a + b + offset))
        .isInstanceOf(KindlingException.class).hasMessageContaining("Task not serializable");
    assertThatThrownBy(() -> data.aggregate(new Database(), (d, x) -> d, (a, b) -> a))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("zero value passed to aggregate")
        .hasMessageContaining(Database.class.getName());
  }

  @Test
  void missingInputPath_failsWithThePath() {
    Path missing = dir.resolve("absent.txt");
    assertThatThrownBy(() -> session.textFile(missing.toString()).count())
        .isInstanceOf(KindlingException.class)
        .hasMessage("Input path does not exist: file:" + missing);
  }

  @Test
  void stoppedSession_everyEntryPointFailsClearly() {
    KindlingSession stopped = KindlingSession.builder().appName("short-lived").master("local[1]").create();
    RDD<Integer> rdd = stopped.parallelize(range(0, 3), 1).map(x -> x + 1);
    stopped.stop();
    assertThat(stopped.isStopped()).isTrue();
    assertThatThrownBy(rdd::collect).isInstanceOf(KindlingException.class)
        .hasMessage("Cannot call collect on a stopped KindlingSession ('short-lived', "
            + stopped.internalContext().sessionId() + "). Build a new session with KindlingSession.builder().");
    assertThatThrownBy(rdd::count).isInstanceOf(KindlingException.class).hasMessageContaining("stopped");
    assertThatThrownBy(() -> rdd.take(1)).isInstanceOf(KindlingException.class).hasMessageContaining("stopped");
    assertThatThrownBy(rdd::collectAsync).isInstanceOf(KindlingException.class).hasMessageContaining("stopped");
    assertThatThrownBy(() -> rdd.saveAsTextFile(dir.resolve("x").toString()))
        .isInstanceOf(KindlingException.class).hasMessageContaining("stopped");
    assertThat(dir.resolve("x")).doesNotExist();
    assertThatThrownBy(() -> stopped.parallelize(List.of(1))).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Cannot call parallelize on a stopped KindlingSession");
    assertThatThrownBy(() -> stopped.textFile(dir.toString())).isInstanceOf(KindlingException.class);
    assertThatThrownBy(stopped::emptyRDD).isInstanceOf(KindlingException.class);
    assertThatThrownBy(() -> stopped.broadcast(1)).isInstanceOf(KindlingException.class);
    assertThatThrownBy(() -> stopped.longAccumulator("a")).isInstanceOf(KindlingException.class);
  }

  @Test
  void jobRunningWhenTheSessionStops_failsInsteadOfHanging() throws Exception {
    KindlingSession stopping = KindlingSession.builder().master("local[2]").create();
    CompletableFuture<List<Integer>> running = stopping.parallelize(range(0, 2), 2).map(x -> {
      BLOCKED_TASK_STARTED.countDown();
      NEVER.await();
      return x;
    }).collectAsync().toCompletableFuture();
    assertThat(BLOCKED_TASK_STARTED.await(60, TimeUnit.SECONDS)).isTrue();
    stopping.stop();
    assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(KindlingException.class).hasMessageContaining("stopped");
  }
}
