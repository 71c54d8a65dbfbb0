package io.kindling.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener.JobEnded;
import io.kindling.JobListener.PartitionCompleted;
import io.kindling.JobListener.StageCompleted;
import io.kindling.JobListener.StageSubmitted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressReporterTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void runStage(ConsoleProgressReporter r, int partitions) {
    r.onStageSubmitted(new StageSubmitted(1, 0, "map at App.java:7", partitions));
    for (int done = 1; done <= partitions; done++) {
      r.onPartitionCompleted(new PartitionCompleted(1, 0, done - 1, 0, done, partitions));
    }
    r.onStageCompleted(new StageCompleted(1, 0, "map at App.java:7", Duration.ofMillis(1234)));
    r.onJobEnded(new JobEnded(1, "collect at App.java:8", true, null, Duration.ofMillis(1300)));
  }

  @Test
  void notATerminal_printsPlainLines_startAndEndOfEachStage() {
    runStage(new ConsoleProgressReporter(out, false, 60_000), 3);
    assertThat(output()).doesNotContain("\r");
    assertThat(output().lines()).containsExactly(
        "[Stage 0 map at App.java:7] 0/3 partitions, 0.0 s",
        "[Stage 0 map at App.java:7] done in 1.2 s");
  }

  @Test
  void notATerminal_zeroInterval_printsEachPartitionButTheLast() {
    runStage(new ConsoleProgressReporter(out, false, 0), 3);
    assertThat(output().lines()).hasSize(4);
    assertThat(output().lines().toList().get(1)).matches("\\[Stage 0] 1/3 partitions, \\d+\\.\\d s");
    assertThat(output().lines().toList().get(2)).matches("\\[Stage 0] 2/3 partitions, \\d+\\.\\d s");
  }

  @Test
  void terminal_redrawsOneLineInPlace_thenEndsIt() {
    runStage(new ConsoleProgressReporter(out, true, 1000), 2);
    String text = output();
    // Every update starts with a carriage return; only the stage's end starts a new line.
    assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    assertThat(text).startsWith("\r[Stage 0 map at App.java:7] 0/2 partitions, 0.0 s");
    assertThat(text).contains("\r[Stage 0] 1/2 partitions, ", "\r[Stage 0] 2/2 partitions, ");
    assertThat(text).endsWith("\r[Stage 0 map at App.java:7] done in 1.2 s" + System.lineSeparator());
  }

  @Test
  void terminal_shorterLine_padsOverTheLongerOne() {
    ConsoleProgressReporter r = new ConsoleProgressReporter(out, true, 1000);
    r.onStageSubmitted(new StageSubmitted(1, 3, "a-rather-long-stage-name at App.java:7", 10));
    r.onPartitionCompleted(new PartitionCompleted(1, 3, 0, 0, 1, 10));
    String[] frames = output().split("\r");
    assertThat(frames[2].length()).isGreaterThanOrEqualTo(frames[1].length());
    assertThat(frames[2]).startsWith("[Stage 3] 1/10 partitions").endsWith(" ");
  }

  @Test
  void toStderr_withoutAConsole_printsPlainLinesToStandardError() {
    PrintStream original = System.err;
    System.setErr(out);
    try {
      runStage(ConsoleProgressReporter.toStderr(), 2);
    } finally {
      System.setErr(original);
    }
    // Tests run without a console, as a job piped to a file does.
    assertThat(System.console()).isNull();
    assertThat(output().lines()).containsExactly(
        "[Stage 0 map at App.java:7] 0/2 partitions, 0.0 s",
        "[Stage 0 map at App.java:7] done in 1.2 s");
  }

  @Test
  void failedJob_printsTheFailure() {
    ConsoleProgressReporter r = new ConsoleProgressReporter(out, false, 1000);
    r.onJobEnded(new JobEnded(4, "count at App.java:9", false, new IllegalStateException("boom"),
        Duration.ofMillis(5)));
    assertThat(output().lines()).containsExactly("[Job 4] failed: boom");
  }

  @Test
  void succeededJob_printsNothingMore() {
    ConsoleProgressReporter r = new ConsoleProgressReporter(out, false, 1000);
    r.onJobEnded(new JobEnded(4, "count at App.java:9", true, null, Duration.ofMillis(5)));
    assertThat(output()).isEmpty();
  }
}
