package io.kindling.ops.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kindling.KindlingSession;
import io.kindling.actors.cluster.ClusterAdmin;
import io.kindling.actors.cluster.SeedNode;
import io.kindling.actors.cluster.WorkerAgent;
import io.kindling.ops.KindlingCli;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A cluster of real worker JVMs on loopback for tests: each worker is {@code kindling worker} started with
 * {@link ProcessBuilder} on this JVM's classpath and flags, with a small heap; the first forms the cluster.
 * {@link #close()} kills them all ({@code kill -9}). Logs go to {@code target/cluster-logs}.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration POLL = Duration.ofMillis(500);

  private final String name;
  private final Map<String, String> conf;
  private final List<String> extraWorkerArgs;
  private final int workerCores;
  private final List<Worker> workers = new ArrayList<>();
  private final ClusterAdmin admin;
  private SeedNode seed;

  /** One worker process. */
  public record Worker(int index, SeedNode address, Process process, Path log) {
    public String akkaAddress() {
      return address.akkaAddress("kindling");
    }
  }

  private LocalCluster(String name, Map<String, String> conf, List<String> extraWorkerArgs, int workerCores) {
    this.name = name;
    this.workerCores = workerCores;
    this.conf = Map.copyOf(conf);
    this.extraWorkerArgs = List.copyOf(extraWorkerArgs);
    this.admin = ClusterAdmin.connect(config(conf));
  }

  /**
   * Starts {@code count} workers whose settings are {@code conf} (also what sessions and the admin client of
   * this cluster use), and waits until all are Up.
   */
  public static LocalCluster start(String name, int count, Map<String, String> conf) {
    return start(name, count, conf, 1);
  }

  /** Like {@link #start(String, int, Map)}, with {@code cores} partitions computed at once per worker. */
  public static LocalCluster start(String name, int count, Map<String, String> conf, int cores) {
    LocalCluster cluster = new LocalCluster(name, conf, List.of(), cores);
    try {
      cluster.seed = new SeedNode("127.0.0.1", freePort());
      cluster.workers.add(cluster.launch(cluster.seed, cluster.seed, Map.of()));
      for (int i = 1; i < count; i++) {
        cluster.startWorker();
      }
      cluster.awaitUpWorkers(count);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  static Config config(Map<String, String> conf) {
    return ConfigFactory.parseMap(conf).withFallback(ConfigFactory.load()).resolve();
  }

  /** Starts one more worker joining through the first; does not wait for it. */
  public Worker startWorker() {
    return startWorker(Map.of());
  }

  /** Starts one more worker reached at {@code host} (a loopback address such as 127.0.0.2); does not wait. */
  public Worker startWorkerOn(String host) {
    Worker w = launch(seed, new SeedNode(host, freePort()), Map.of());
    workers.add(w);
    return w;
  }

  /** Starts one more worker with settings of its own on top of the cluster's; does not wait for it. */
  public Worker startWorker(Map<String, String> ownConf) {
    Worker w = launch(seed, new SeedNode("127.0.0.1", freePort()), ownConf);
    workers.add(w);
    return w;
  }

  private Worker launch(SeedNode seedNode, SeedNode self, Map<String, String> ownConf) {
    int index = workers.size();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), KindlingCli.class.getName(), "worker",
        "--seed", seedNode.toString(), "--port", String.valueOf(self.port()), "--cores", String.valueOf(workerCores)));
    if (!self.host().equals("127.0.0.1")) {
      command.addAll(List.of("--host", self.host()));
    }
    Map<String, String> all = new LinkedHashMap<>(conf);
    all.putAll(ownConf);
    all.forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
    command.addAll(extraWorkerArgs);
    try {
      Path logs = Path.of("target", "cluster-logs");
      Files.createDirectories(logs);
      Path log = logs.resolve(name + "-worker-" + index + ".log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Worker(index, self, p, log);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a worker JVM: " + e, e);
    }
  }

  /** This JVM's module and Chronicle flags, without heap, debugger or agent settings. */
  private static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle.") || a.startsWith("-XX:+IgnoreUnrec"))
        .toList();
  }

  /** A port free for both TCP and UDP on loopback. */
  static int freePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException e) {
          // taken for UDP: try another
        }
      } catch (IOException e) {
        throw new IllegalStateException("No free port: " + e, e);
      }
    }
    throw new IllegalStateException("No port free for both TCP and UDP after 50 attempts");
  }

  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  public Worker worker(int index) {
    return workers.get(index);
  }

  /** {@code kindling://127.0.0.1:PORT} of the first worker. */
  public String masterUrl() {
    return "kindling://" + seed;
  }

  /** A session builder joining this cluster, waiting for {@code minWorkers} workers. */
  public KindlingSession.Builder session(String appName, int minWorkers) {
    KindlingSession.Builder b = KindlingSession.builder().appName(appName).master(masterUrl())
        .config("kindling.cluster.min-workers", minWorkers)
        .config("kindling.cluster.worker-wait-timeout", "180s");
    conf.forEach(b::config);
    return b;
  }

  public ClusterAdmin admin() {
    return admin;
  }

  /** The members as a live worker sees them. */
  public List<WorkerAgent.MemberInfo> members() {
    RuntimeException last = null;
    for (Worker w : workers) {
      if (!w.process().isAlive()) {
        continue;
      }
      try {
        return admin.status(w.address(), Duration.ofSeconds(5)).members();
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new IllegalStateException("No worker answered", last);
  }

  /** Waits until the members satisfy {@code condition}, failing with the last view and workers' logs. */
  public void awaitMembers(String what, Predicate<List<WorkerAgent.MemberInfo>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<WorkerAgent.MemberInfo> last = List.of();
    RuntimeException error = null;
    while (System.nanoTime() < deadline) {
      try {
        last = members();
        error = null;
        if (condition.test(last)) {
          return;
        }
      } catch (RuntimeException e) {
        error = e;
      }
      sleep(POLL);
    }
    throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
        + "; members: " + last + "\n" + logs(), error);
  }

  /** Waits until {@code count} workers are Up. */
  public void awaitUpWorkers(int count) {
    awaitMembers(count + " Up workers", members -> members.stream()
        .filter(m -> m.roles().contains("worker") && m.status().equals("Up") && m.reachable()).count() == count,
        START_TIMEOUT);
  }

  /** Waits for a worker process to end and returns its exit status. */
  public int awaitExit(Worker w, Duration timeout) {
    try {
      if (!w.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("Worker " + w.index() + " still runs after " + timeout.toSeconds() + " s\n"
            + log(w));
      }
      return w.process().exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** kill -9 of a worker. */
  public void kill(Worker w) {
    w.process().destroyForcibly();
    try {
      w.process().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String log(Worker w) {
    try {
      String text = Files.readString(w.log(), StandardCharsets.UTF_8);
      return "---- worker " + w.index() + " (" + w.log() + ")\n"
          + (text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text);
    } catch (IOException e) {
      return "---- worker " + w.index() + ": no log (" + e + ")";
    }
  }

  private String logs() {
    StringBuilder b = new StringBuilder();
    for (Worker w : workers) {
      b.append(log(w)).append('\n');
    }
    return b.toString();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      w.process().destroyForcibly();
    }
    for (Worker w : workers) {
      try {
        w.process().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    admin.close();
  }
}
