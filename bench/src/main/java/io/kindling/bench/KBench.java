package io.kindling.bench;

import io.kindling.KindlingSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kbench on Kindling: {@code KBench DATA_DIR [WORKLOAD...]} runs each workload once to warm up and then
 * {@code KBENCH_RUNS} (default 3) timed runs in one session; {@code KBench DATA_DIR startup RUN} measures one
 * cold start (bench/run.sh starts a JVM per run). Prints one JSON line a run on stdout, as the peers do.
 */
public final class KBench {
  static final String ENGINE = "kindling-0.1.0";

  private KBench() {}

  static Map<String, Workload> workloads() {
    Map<String, Workload> all = new LinkedHashMap<>();
    for (Workload w : List.of(new WordCountWorkload(), new DataFrameWorkloads.SalesByProduct(),
        new DataFrameWorkloads.SalesByProductParquet(), new DataFrameWorkloads.SegmentJoin(), new DataFrameWorkloads.ValueTiers(), new LogregCachedWorkload(),
        new SortNumbersWorkload(), new StartupWorkload())) {
      all.put(w.name(), w);
    }
    return all;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: KBench DATA_DIR [WORKLOAD...] | KBench DATA_DIR startup RUN");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    String scale = Files.readString(data.resolve("scale.txt")).trim();
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
        : workloads().keySet().stream().filter(n -> !n.equals("startup")).toList();
    if (names.get(0).equals("startup")) {
      startup(data, scale, names.size() > 1 ? Integer.parseInt(names.get(1)) : 0);
      return;
    }
    Map<String, Workload> all = workloads();
    for (String n : names) {
      if (!all.containsKey(n)) {
        System.err.println("kindling: " + n + " not implemented yet, skipped");
      }
    }
    int runs = Integer.parseInt(System.getenv().getOrDefault("KBENCH_RUNS", "3"));
    try (KindlingSession session = KindlingSession.builder().appName("kbench").master(master())
        .config("kindling.cluster.min-workers", Integer.parseInt(System.getenv().getOrDefault("KBENCH_WORKERS", "1")))
        .create()) {
      for (String n : names) {
        Workload w = all.get(n);
        if (w == null) {
          continue;
        }
        for (int run = 0; run <= runs; run++) {
          long t0 = System.nanoTime();
          Workload.Answer a = w.run(session, data);
          double seconds = (System.nanoTime() - t0) / 1e9;
          emit(n, scale, run, seconds, a.digest().call(), a.extra());
        }
      }
    }
  }

  /** {@code KBENCH_MASTER} (bench/cluster-run.sh sets {@code kindling://HOST:PORT}), else {@code local[*]}. */
  static String master() {
    return System.getenv().getOrDefault("KBENCH_MASTER", "local[*]");
  }

  /** The engine as reported: a cluster run says so, so that it sits beside the local one. */
  static String engine() {
    return master().startsWith("local") ? ENGINE : ENGINE + "-cluster";
  }

  /**
   * From JVM start (as the JVM records it) to the answer; session_s: to the session being up. The JVM's start
   * time is read once the answer is in: looking up the management bean costs a cold JVM 10-15 ms, which is the
   * harness's, not the workload's.
   */
  static void startup(Path data, String scale, int run) throws Exception {
    try (KindlingSession session = KindlingSession.builder().appName("kbench-startup").master("local[*]")
        .getOrCreate()) {
      long sessionUp = System.currentTimeMillis();
      Workload.Answer a = new StartupWorkload().run(session, data);
      long answered = System.currentTimeMillis();
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      emit("startup", scale, run, (answered - jvmStart) / 1e3, a.digest().call(),
          Map.of("session_s", (sessionUp - jvmStart) / 1e3));
    }
  }

  static void emit(String workload, String scale, int run, double seconds, String digest,
      Map<String, Double> extra) {
    StringBuilder b = new StringBuilder("{\"engine\":").append(quote(engine()))
        .append(",\"workload\":").append(quote(workload))
        .append(",\"scale\":").append(scale)
        .append(",\"run\":").append(run)
        .append(",\"seconds\":").append(secs(seconds))
        .append(",\"digest\":").append(quote(digest));
    extra.forEach((k, v) -> b.append(',').append(quote(k)).append(':').append(secs(v)));
    System.out.println(b.append('}'));
    System.out.flush();
  }

  static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
