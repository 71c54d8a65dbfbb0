package io.kindling.ops;

import io.kindling.actors.cluster.WorkerMain;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kindling worker}: runs a worker until it leaves the cluster, is downed, or can't join. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Starts a worker that joins the cluster through a seed node. The first worker, started with",
        "--seed naming its own address, forms the cluster. Exit status: 0 left (kindling leave, SIGTERM),",
        "3 could not join, 4 downed by the cluster."})
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--seed", required = true, split = ",", paramLabel = "HOST:PORT",
      description = "Member(s) to join; this worker's own address to form a new cluster.")
  List<String> seeds = new ArrayList<>();

  @Option(names = "--port", defaultValue = "2552", description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", description = "Address other members reach this worker at.")
  String host;

  @Option(names = "--cores", defaultValue = "0", description = "Partitions computed at once (0 = every core).")
  int cores;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Directory for shuffle outputs and spills.")
  File workDir;

  @Option(names = "--jars", split = ",", paramLabel = "JAR", description = "Application jars to load classes from.")
  List<String> jars = new ArrayList<>();

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("kindling.cluster.seed-nodes", seeds);
    settings.put("kindling.cluster.port", port);
    if (host != null) {
      settings.put("kindling.cluster.hostname", host);
    }
    settings.put("kindling.cluster.worker.cores", cores);
    if (workDir != null) {
      settings.put("kindling.cluster.worker.work-dir", workDir.getAbsolutePath());
    }
    if (!jars.isEmpty()) {
      settings.put("kindling.cluster.worker.jars", jars);
    }
    WorkerMain worker = WorkerMain.start(options.load(settings));
    System.out.println("Kindling worker " + worker.address() + " started with " + worker.cores()
        + " cores, joining " + seeds);
    worker.whenUp().thenRun(() -> System.out.println("Kindling worker " + worker.address() + " is Up"));
    worker.whenStopping().thenAccept(status -> System.out.println("Kindling worker " + worker.address()
        + " stopping: " + switch (status) {
          case WorkerMain.EXIT_JOIN_FAILED -> "could not join the cluster";
          case WorkerMain.EXIT_DOWNED -> "downed by the cluster";
          default -> "left the cluster";
        }));
    return worker.awaitExit();
  }
}
