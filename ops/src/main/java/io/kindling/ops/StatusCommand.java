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

/** {@code kindling status}: the members of the cluster, and per worker its cores and sessions. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the cluster's members as a worker sees them, and each worker's cores and sessions.")
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
      System.out.printf("%-40s %-9s %-8s %-9s %5s  %s%n", "ADDRESS", "STATUS", "ROLES", "REACHABLE", "CORES",
          "SESSIONS");
      for (WorkerAgent.MemberInfo m : view.members()) {
        String cores = "-";
        String sessions = "-";
        if (m.roles().contains("worker") && m.reachable()) {
          try {
            WorkerAgent.WorkerStatus w = m.address().equals(view.address()) ? view
                : admin.status(SeedNode.parse(m.address()), wait);
            cores = String.valueOf(w.cores());
            sessions = w.sessions().isEmpty() ? "none" : String.join(", ", w.sessions());
          } catch (RuntimeException e) {
            sessions = "(no answer)";
          }
        }
        System.out.printf("%-40s %-9s %-8s %-9s %5s  %s%n", m.address(), m.status(), String.join(",", m.roles()),
            m.reachable() ? "yes" : "NO", cores, sessions);
      }
    }
    return 0;
  }
}
