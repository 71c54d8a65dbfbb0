package io.kindling.ops;

import io.kindling.actors.cluster.ClusterAdmin;
import io.kindling.actors.cluster.SeedNode;
import io.kindling.actors.cluster.WorkerAgent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kindling status}: the members of the cluster, and per worker its cores, the cached blocks and map
 * outputs it holds, and its sessions.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the cluster's members as a worker sees them, and each worker's cores, cached blocks, map "
        + "outputs and sessions.")
final class StatusCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "127.0.0.1:2552", paramLabel = "HOST:PORT",
      description = "A worker to ask (default ${DEFAULT-VALUE}).")
  String seed;

  @Option(names = "--timeout", defaultValue = "10s", description = "How long to wait for each answer.")
  String timeout;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() {
    Duration wait = Duration.parse("PT" + timeout.toUpperCase());
    try (ClusterAdmin admin = ClusterAdmin.connect(options.load(Map.of()))) {
      WorkerAgent.WorkerStatus view = admin.status(SeedNode.parse(seed), wait);
      System.out.println("Cluster seen from " + view.address() + ": " + view.members().size() + " members");
      String format = "%-36s %-8s %-7s %-9s %5s %7s %10s %11s  %s%n";
      System.out.printf(format, "ADDRESS", "STATUS", "ROLES", "REACHABLE", "CORES", "BLOCKS", "CACHED", "MAP-OUTPUTS",
          "SESSIONS");
      for (WorkerAgent.MemberInfo m : view.members()) {
        String cores = "-";
        String blocks = "-";
        String cached = "-";
        String outputs = "-";
        String sessions = "-";
        if (m.roles().contains("worker") && m.reachable()) {
          try {
            WorkerAgent.WorkerStatus w = m.address().equals(view.address()) ? view
                : admin.status(SeedNode.parse(m.address()), wait);
            cores = String.valueOf(w.cores());
            blocks = String.valueOf(w.cachedBlocks());
            cached = bytes(w.cachedBytes());
            outputs = String.valueOf(w.mapOutputs());
            sessions = w.sessions().isEmpty() ? "none" : String.join(", ", w.sessions());
          } catch (RuntimeException e) {
            sessions = "(no answer)";
          }
        }
        System.out.printf(format, m.address(), m.status(), String.join(",", m.roles()),
            m.reachable() ? "yes" : "NO", cores, blocks, cached, outputs, sessions);
      }
    }
    return 0;
  }

  private static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format("%.1f KiB", n / 1024.0);
    }
    return String.format("%.1f MiB", n / (1024.0 * 1024.0));
  }
}
