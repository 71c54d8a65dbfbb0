package io.kindling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.internal.lineage.TaskContext;
import io.kindling.progress.ConsoleProgressReporter;
import io.kindling.rdd.RDD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Progress events of real jobs, their order, and the console reporter built on them. */
class ListenerTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("listener").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  /** Records every event as one string. */
  static final class Recorder implements JobListener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void onJobStarted(JobStarted e) {
      events.add(e);
    }

    @Override
    public void onStageSubmitted(StageSubmitted e) {
      events.add(e);
    }

    @Override
    public void onPartitionCompleted(PartitionCompleted e) {
      events.add(e);
    }

    @Override
    public void onPartitionFailed(PartitionFailed e) {
      events.add(e);
    }

    @Override
    public void onStageCompleted(StageCompleted e) {
      events.add(e);
    }

    @Override
    public void onJobEnded(JobEnded e) {
      events.add(e);
    }

    List<Class<?>> kinds() {
      return events.stream().<Class<?>>map(Object::getClass).toList();
    }
  }

  private static Recorder recording(Runnable action) {
    Recorder r = new Recorder();
    session.addListener(r);
    try {
      action.run();
    } finally {
      session.removeListener(r);
    }
    return r;
  }

  @Test
  void successfulJob_eventsInOrder_allDeliveredBeforeTheActionReturns() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 2;
    Recorder r = recording(() -> assertThat(session.parallelize(range(0, 30), 3)
        .map(x -> x + 1).count()).isEqualTo(30));
    assertThat(r.kinds()).containsExactly(JobListener.JobStarted.class, JobListener.StageSubmitted.class,
        JobListener.PartitionCompleted.class, JobListener.PartitionCompleted.class,
        JobListener.PartitionCompleted.class, JobListener.StageCompleted.class, JobListener.JobEnded.class);
    JobListener.JobStarted started = (JobListener.JobStarted) r.events.get(0);
    JobListener.StageSubmitted stage = (JobListener.StageSubmitted) r.events.get(1);
    JobListener.JobEnded ended = (JobListener.JobEnded) r.events.get(6);
    assertThat(started.description()).isEqualTo("count at ListenerTest.java:" + line);
    assertThat(started.stageIds()).containsExactly(stage.stageId());
    assertThat(stage.numPartitions()).isEqualTo(3);
    assertThat(stage.name()).isEqualTo("count at ListenerTest.java:" + line);
    assertThat(r.events.subList(2, 5)).extracting(e -> ((JobListener.PartitionCompleted) e).done())
        .containsExactly(1, 2, 3);
    assertThat(r.events.subList(2, 5)).extracting(e -> ((JobListener.PartitionCompleted) e).partition())
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(r.events.subList(2, 5)).allSatisfy(e -> assertThat(((JobListener.PartitionCompleted) e).total())
        .isEqualTo(3));
    assertThat(ended.succeeded()).isTrue();
    assertThat(ended.failure()).isNull();
    assertThat(ended.jobId()).isEqualTo(started.jobId());
    assertThat(((JobListener.StageCompleted) r.events.get(5)).stageId()).isEqualTo(stage.stageId());
  }

  @Test
  void retriedPartition_reportsTheFailedAttemptThenItsSuccess() {
    Recorder r = recording(() -> session.parallelize(range(0, 2), 1).map(x -> {
      if (TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("first attempt");
      }
      return x;
    }).collect());
    JobListener.PartitionFailed failed = (JobListener.PartitionFailed) r.events.get(2);
    assertThat(failed.attempt()).isZero();
    assertThat(failed.willRetry()).isTrue();
    assertThat(failed.cause()).hasMessage("first attempt");
    JobListener.PartitionCompleted done = (JobListener.PartitionCompleted) r.events.get(3);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(((JobListener.JobEnded) r.events.get(r.events.size() - 1)).succeeded()).isTrue();
  }

  @Test
  void failedJob_reportsEveryAttemptThenTheFailure() {
    Recorder r = recording(() -> assertThatThrownBy(() -> session.parallelize(range(0, 2), 1).map(x -> {
      throw new IllegalArgumentException("never works");
    }).collect()).isInstanceOf(JobFailedException.class));
    List<JobListener.PartitionFailed> failures = r.events.stream()
        .filter(JobListener.PartitionFailed.class::isInstance).map(JobListener.PartitionFailed.class::cast).toList();
    assertThat(failures).extracting(JobListener.PartitionFailed::attempt).containsExactly(0, 1, 2, 3);
    assertThat(failures).extracting(JobListener.PartitionFailed::willRetry).containsExactly(true, true, true, false);
    JobListener.JobEnded ended = (JobListener.JobEnded) r.events.get(r.events.size() - 1);
    assertThat(ended.succeeded()).isFalse();
    assertThat(ended.failure()).isInstanceOf(JobFailedException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(r.kinds()).doesNotContain(JobListener.StageCompleted.class);
  }

  @Test
  void takeOnSeveralJobs_eachJobHasItsOwnEvents() {
    Recorder r = recording(() -> session.parallelize(range(0, 100), 10).filter(x -> x > 95).take(2));
    long jobs = r.events.stream().filter(JobListener.JobStarted.class::isInstance).count();
    long ends = r.events.stream().filter(JobListener.JobEnded.class::isInstance).count();
    assertThat(jobs).isEqualTo(ends).isGreaterThan(1);
  }

  @Test
  void listenerThatThrows_doesNotFailTheJob() {
    JobListener broken = new JobListener() {
      @Override
      public void onPartitionCompleted(PartitionCompleted event) {
        throw new IllegalStateException("broken listener");
      }
    };
    session.addListener(broken);
    try {
      assertThat(session.parallelize(range(0, 10), 2).count()).isEqualTo(10);
    } finally {
      session.removeListener(broken);
    }
  }

  @Test
  void removedListener_hearsNothingMore() {
    Recorder r = new Recorder();
    session.addListener(r);
    session.removeListener(r);
    session.parallelize(range(0, 3), 1).count();
    assertThat(r.events).isEmpty();
  }

  @Test
  void consoleReporter_plainLines_whenNotATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressReporter reporter = new ConsoleProgressReporter(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), false, 60_000);
    session.addListener(reporter);
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 2;
    try {
      session.parallelize(range(0, 40), 4).map(x -> x * 2).collect();
    } finally {
      session.removeListener(reporter);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("\\[Stage \\d+ collect at ListenerTest.java:" + line + "] 0/4 partitions, 0\\.0 s");
    assertThat(lines.get(1)).matches("\\[Stage \\d+ collect at ListenerTest.java:" + line + "] done in \\d+\\.\\d s");
  }

  @Test
  void consoleReporter_oneUpdatingLine_onATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressReporter reporter = new ConsoleProgressReporter(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), true, 1000);
    session.addListener(reporter);
    try {
      session.parallelize(range(0, 40), 4).count();
    } finally {
      session.removeListener(reporter);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    assertThat(text.split("\r", -1)).hasSize(7);
    assertThat(text).contains("] 4/4 partitions, ").endsWith(" s" + System.lineSeparator());
  }

  @Test
  void consoleReporter_failedJob_printsTheFailure() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressReporter reporter = new ConsoleProgressReporter(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), false, 60_000);
    session.addListener(reporter);
    RDD<Integer> failing = session.parallelize(range(0, 4), 1).map(x -> {
      throw new IllegalStateException("kaput");
    });
    try {
      assertThatThrownBy(failing::count).isInstanceOf(JobFailedException.class);
    } finally {
      session.removeListener(reporter);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList().get(1)).startsWith("[Job ")
        .contains("failed: ").contains("kaput");
  }
}
