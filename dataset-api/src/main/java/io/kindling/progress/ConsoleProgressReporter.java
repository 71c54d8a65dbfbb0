package io.kindling.progress;

import io.kindling.JobListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints job progress: stage, partitions done of total, elapsed time. On a terminal it redraws one line in
 * place; otherwise (a pipe, a log file) it prints a plain line when a stage starts and when it ends, and at
 * most one in between every {@code intervalMillis}.
 *
 * <pre>{@code session.addListener(ConsoleProgressReporter.toStderr());}</pre>
 */
public final class ConsoleProgressReporter implements JobListener {
  private final PrintStream out;
  private final boolean terminal;
  private final long intervalNanos;
  private long lastPrint;
  private long stageStart;
  private int lastWidth;

  public ConsoleProgressReporter(PrintStream out, boolean terminal, long intervalMillis) {
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /** Reports to standard error, redrawing in place when the process has a console. */
  public static ConsoleProgressReporter toStderr() {
    return new ConsoleProgressReporter(System.err, System.console() != null, 1000);
  }

  @Override
  public synchronized void onStageSubmitted(StageSubmitted e) {
    stageStart = System.nanoTime();
    lastPrint = stageStart;
    show(format(e.stageId(), e.name(), 0, e.numPartitions(), Duration.ZERO), !terminal);
  }

  @Override
  public synchronized void onPartitionCompleted(PartitionCompleted e) {
    long now = System.nanoTime();
    boolean last = e.done() == e.total();
    if (terminal || (!last && now - lastPrint >= intervalNanos)) {
      lastPrint = now;
      show(format(e.stageId(), null, e.done(), e.total(), Duration.ofNanos(now - stageStart)), !terminal);
    }
  }

  @Override
  public synchronized void onStageCompleted(StageCompleted e) {
    show(String.format(Locale.ROOT, "[Stage %d %s] done in %s", e.stageId(), e.name(), seconds(e.elapsed())),
        true);
  }

  @Override
  public synchronized void onJobEnded(JobEnded e) {
    if (!e.succeeded()) {
      show("[Job " + e.jobId() + "] failed: " + e.failure().getMessage(), true);
    }
  }

  private static String format(int stageId, String name, int done, int total, Duration elapsed) {
    String label = name == null ? "" : " " + name;
    return String.format(Locale.ROOT, "[Stage %d%s] %d/%d partitions, %s", stageId, label, done, total,
        seconds(elapsed));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private void show(String line, boolean endLine) {
    if (terminal) {
      String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
      out.print("\r" + padded);
      lastWidth = line.length();
      if (endLine) {
        out.println();
        lastWidth = 0;
      }
    } else {
      out.println(line);
    }
    out.flush();
  }
}
