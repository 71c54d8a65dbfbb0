package io.kindling.ops;

import io.kindling.actors.cluster.ClusterAdmin;
import io.kindling.actors.cluster.SeedNode;
import io.kindling.actors.cluster.WorkerAgent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kindling leave NODE}: asks a worker to leave the cluster gracefully; its process then ends. */
@Command(name = "leave", mixinStandardHelpOptions = true,
    description = "Asks the worker at NODE to leave the cluster gracefully; its process then exits with status 0.")
final class LeaveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NODE", description = "The worker, HOST:PORT.")
  String node;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() {
    try (ClusterAdmin admin = ClusterAdmin.connect(options.load(Map.of()))) {
      WorkerAgent.LeaveStarted started = admin.leave(SeedNode.parse(node), Duration.ofSeconds(10));
      System.out.println(started.address() + " is leaving the cluster");
    }
    return 0;
  }
}
