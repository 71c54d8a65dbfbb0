package io.kindling.bench;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of losing a worker: {@code ClusterKillBench DATA_DIR VICTIM_PID} (bench/cluster-kill.sh starts the
 * workers) runs kbench {@code wordcount} against {@code KBENCH_MASTER} once to warm up and {@code KBENCH_RUNS}
 * times fault-free, then once more killing worker {@code VICTIM_PID} ({@code kill -9}) when half of the first
 * stage's partitions are done. Prints one JSON line: the median fault-free run, the run with the kill, and the
 * time from the kill to the job's answer (whose digest must equal the fault-free one).
 */
public final class ClusterKillBench {
  private ClusterKillBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ClusterKillBench DATA_DIR VICTIM_PID");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    long victim = Long.parseLong(args[1]);
    String scale = Files.readString(data.resolve("scale.txt")).trim();
    int runs = Integer.parseInt(System.getenv().getOrDefault("KBENCH_RUNS", "3"));
    WordCountWorkload workload = new WordCountWorkload();
    try (KindlingSession session = KindlingSession.builder().appName("kbench-kill").master(KBench.master())
        .config("kindling.cluster.min-workers", Integer.parseInt(System.getenv().getOrDefault("KBENCH_WORKERS", "2")))
        .create()) {
      String digest = workload.run(session, data).digest().call();
      List<Double> faultFree = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        String d = workload.run(session, data).digest().call();
        faultFree.add((System.nanoTime() - t0) / 1e9);
        check(digest, d, "fault-free run " + i);
      }

      CountDownLatch halfway = new CountDownLatch(1);
      AtomicLong firstStage = new AtomicLong(-1);
      session.addListener(new JobListener() {
        @Override
        public void onPartitionCompleted(PartitionCompleted e) {
          firstStage.compareAndSet(-1, e.stageId());
          if (e.stageId() == firstStage.get() && e.done() * 2 >= e.total()) {
            halfway.countDown();
          }
        }
      });
      long t0 = System.nanoTime();
      CompletableFuture<String> killedRun = CompletableFuture.supplyAsync(() -> {
        try {
          return workload.run(session, data).digest().call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      if (!halfway.await(300, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the job never got half way through its first stage");
      }
      long killAt = System.nanoTime();
      ProcessHandle.of(victim).orElseThrow(() -> new IllegalStateException("no process " + victim))
          .destroyForcibly();
      String d = killedRun.get(600, TimeUnit.SECONDS);
      long done = System.nanoTime();
      check(digest, d, "the run with a worker killed");

      Collections.sort(faultFree);
      double median = faultFree.get(faultFree.size() / 2);
      KBench.emit("wordcount_kill9", scale, 0, (done - t0) / 1e9, d, Map.of(
          "fault_free_median_s", median,
          "kill_at_s", (killAt - t0) / 1e9,
          "kill_to_done_s", (done - killAt) / 1e9,
          "slowdown", ((done - t0) / 1e9) / median));
    }
  }

  private static void check(String expected, String actual, String what) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + " gave digest " + actual + ", not " + expected);
    }
  }
}
