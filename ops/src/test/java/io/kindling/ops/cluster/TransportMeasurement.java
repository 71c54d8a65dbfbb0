package io.kindling.ops.cluster;

import io.kindling.KindlingSession;
import io.kindling.ops.aeron.SharedMediaDriver;
import io.kindling.ops.certs.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measures Artery's transports with Kindling jobs on real worker JVMs (not a test: timing belongs here, run by
 * hand). For each transport: the latency of a one-partition job, the throughput of collecting large results,
 * and the CPU the workers burn while idle.
 *
 * <pre>java $(bin/jvm-flags) -cp ops/target/test-classes:ops/target/classes:$(cat CLASSPATH_FILE) \
 *   io.kindling.ops.cluster.TransportMeasurement [tcp] [tls-tcp] [aeron-udp] [aeron-udp-embedded]</pre>
 */
public final class TransportMeasurement {
  private static final int WORKERS = 2;
  private static final int LATENCY_JOBS = 200;
  private static final int RESULT_PARTITIONS = 16;
  private static final int RESULT_BYTES = 1 << 20;
  private static final int THROUGHPUT_ROUNDS = 5;
  private static final Duration IDLE = Duration.ofSeconds(10);

  private TransportMeasurement() {}

  public static void main(String[] args) throws Exception {
    List<String> transports = args.length > 0 ? List.of(args)
        : List.of("tcp", "tls-tcp", "aeron-udp", "aeron-udp-embedded");
    System.out.printf("%-20s %14s %14s %16s %18s%n", "transport", "job p50 (ms)", "job p90 (ms)",
        "results (MiB/s)", "idle CPU (%/worker)");
    for (String t : transports) {
      measure(t);
    }
  }

  /** {@code transport} or {@code transport@LEVEL}, LEVEL being kindling.cluster.aeron.idle-cpu-level. */
  private static void measure(String spec) throws Exception {
    String transport = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
    Map<String, String> conf = new LinkedHashMap<>();
    if (spec.contains("@")) {
      conf.put("kindling.cluster.aeron.idle-cpu-level", spec.substring(spec.indexOf('@') + 1));
    }
    SharedMediaDriver media = null;
    Path tmp = Files.createTempDirectory("kindling-measure");
    switch (transport) {
      case "tcp" -> conf.put("kindling.cluster.transport", "tcp");
      case "tls-tcp" -> {
        TestCertificates certs = new TestCertificates(tmp, "measure-pw", 1);
        certs.createAuthority("Measure CA");
        Path node = certs.createNode("node");
        conf.put("kindling.cluster.transport", "tls-tcp");
        conf.put("kindling.cluster.tls.key-store", node.toString());
        conf.put("kindling.cluster.tls.key-store-password", "measure-pw");
        conf.put("kindling.cluster.tls.trust-store", certs.truststore().toString());
        conf.put("kindling.cluster.tls.trust-store-password", "measure-pw");
      }
      case "aeron-udp" -> {
        media = SharedMediaDriver.launch(Path.of("/dev/shm", "kindling-measure-" + ProcessHandle.current().pid()),
            SharedMediaDriver.Tuning.LOOPBACK);
        conf.put("kindling.cluster.transport", "aeron-udp");
        conf.put("kindling.cluster.aeron.media-driver", "shared");
        conf.put("kindling.cluster.aeron.dir", media.directory());
      }
      case "aeron-udp-embedded" -> {
        conf.put("kindling.cluster.transport", "aeron-udp");
        conf.put("kindling.cluster.aeron.media-driver", "embedded");
      }
      default -> throw new IllegalArgumentException("unknown transport " + transport);
    }
    try (LocalCluster cluster = LocalCluster.start("measure-" + transport, WORKERS, conf);
        KindlingSession s = cluster.session("measure", WORKERS).create()) {
      List<Integer> one = List.of(1);
      for (int i = 0; i < 30; i++) {
        s.parallelize(one, 1).count();
      }
      long[] nanos = new long[LATENCY_JOBS];
      for (int i = 0; i < LATENCY_JOBS; i++) {
        long start = System.nanoTime();
        s.parallelize(one, 1).count();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);

      List<Integer> parts = IntStream.range(0, RESULT_PARTITIONS).boxed().toList();
      s.parallelize(parts, RESULT_PARTITIONS).map(p -> new byte[RESULT_BYTES]).count();
      long start = System.nanoTime();
      long bytes = 0;
      for (int r = 0; r < THROUGHPUT_ROUNDS; r++) {
        for (byte[] b : s.parallelize(parts, RESULT_PARTITIONS).map(p -> new byte[RESULT_BYTES]).collect()) {
          bytes += b.length;
        }
      }
      double mibPerSecond = bytes / (1024.0 * 1024.0) / ((System.nanoTime() - start) / 1e9);

      List<Duration> before = new ArrayList<>();
      for (LocalCluster.Worker w : cluster.workers()) {
        before.add(w.process().info().totalCpuDuration().orElse(Duration.ZERO));
      }
      Thread.sleep(IDLE.toMillis());
      double idleCpu = 0;
      for (int i = 0; i < WORKERS; i++) {
        Duration after = cluster.worker(i).process().info().totalCpuDuration().orElse(Duration.ZERO);
        idleCpu += after.minus(before.get(i)).toNanos() / (double) IDLE.toNanos() * 100 / WORKERS;
      }
      System.out.printf("%-20s %14.2f %14.2f %16.1f %18.1f%n", spec, nanos[LATENCY_JOBS / 2] / 1e6,
          nanos[LATENCY_JOBS * 9 / 10] / 1e6, mibPerSecond, idleCpu);
    } finally {
      if (media != null) {
        media.close();
      }
    }
  }
}
