package io.kindling.actors.cluster;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import io.kindling.KindlingException;
import io.kindling.actors.node.ComputePool;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A worker process: joins the cluster with role {@code worker}, runs a compute pool and a {@link WorkerAgent}
 * (at {@code /user/agent}, registered with the Receptionist), and lives until it leaves the cluster, is
 * downed, or can't join. {@code kindling worker} runs it.
 */
public final class WorkerMain implements AutoCloseable {
  /** Exit status when the worker left on purpose (or was stopped with SIGTERM). */
  public static final int EXIT_LEFT = 0;
  /** Exit status when no seed node accepted the worker within {@code kindling.cluster.join-timeout}. */
  public static final int EXIT_JOIN_FAILED = 3;
  /** Exit status when the cluster downed the worker (it was unreachable, or in a minority). */
  public static final int EXIT_DOWNED = 4;

  private final ActorSystem<Void> system;
  private final ComputePool pool;
  private final ComputePool io;
  private final String address;
  private final int cores;
  private final CompletableFuture<Void> up = new CompletableFuture<>();
  private final CompletableFuture<Integer> stopping = new CompletableFuture<>();

  private WorkerMain(ActorSystem<Void> system, ComputePool pool, ComputePool io, int cores) {
    this.system = system;
    this.pool = pool;
    this.io = io;
    this.cores = cores;
    this.address = system.address().toString();
    akka.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(null));
    // Runs in the shutdown sequence itself, so it is seen even when a SIGTERM ends the JVM right after.
    CoordinatedShutdown.get(Adapter.toClassic(system)).addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "kindling-worker-stopping", () -> {
          stopping.complete(exitStatus());
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  /**
   * Starts a worker with {@code config} (the {@code kindling} section of it: cluster settings, and
   * {@code kindling.cluster.worker} for cores and work directory). Returns once the ActorSystem is started;
   * joining goes on in the background ({@link #whenUp()}).
   */
  public static WorkerMain start(Config config) {
    ClusterSettings settings = ClusterSettings.from(config);
    if (settings.seedNodes().isEmpty()) {
      throw new KindlingException("A worker needs a seed node to join (or to form the cluster with): "
          + "--seed HOST:PORT, or kindling.cluster.seed-nodes");
    }
    Config worker = config.getConfig("kindling.cluster.worker");
    int cores = worker.getInt("cores") > 0 ? worker.getInt("cores") : Runtime.getRuntime().availableProcessors();
    String workDir = worker.getString("work-dir");
    if (!workDir.isBlank()) {
      try {
        Files.createDirectories(Path.of(workDir));
      } catch (IOException e) {
        throw new KindlingException("Could not create the worker's work directory " + workDir + ": " + e, e);
      }
    }
    ClassLoader loader = applicationLoader(worker.getStringList("jars"));
    Config akka = ClusterSystems.memberConfig(settings, MemberRole.WORKER, config);
    ComputePool pool = new ComputePool("worker", cores);
    // Shuffle blocks are served from these, never from Akka's dispatchers or the compute threads.
    ComputePool io = new ComputePool("worker-io", 2);
    ExecutorService executor = new ClassLoaderExecutor(pool.executor(), loader);
    FetchSettings fetch = FetchSettings.from(config, ClusterSystems.maximumMessageSize(settings));
    String workerName = "worker-" + (settings.port() > 0 ? settings.port() : ProcessHandle.current().pid());
    CompletableFuture<ActorRef<WorkerAgent.Command>> agentRef = new CompletableFuture<>();
    try {
      ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(context -> {
        // Chunks of fetched shuffle blocks arrive here: /user/fetcher is a large-message destination.
        ActorRef<BlockFetcher.Command> fetcher = context.spawn(BlockFetcher.create(), "fetcher");
        ActorRef<WorkerAgent.Command> agent = context.spawn(WorkerAgent.create(new WorkerAgent.Resources(executor,
            io.executor(), cores, RuntimeConfig.restarts(config), config, fetcher, fetch, workerName,
            ClusterSystems.maximumMessageSize(settings))), "agent");
        agentRef.complete(agent);
        return Behaviors.empty();
      }), settings.systemName(), akka);
      WorkerMain started = new WorkerMain(system, pool, io, cores);
      started.handOverBeforeLeaving(agentRef);
      return started;
    } catch (RuntimeException e) {
      pool.close();
      io.close();
      throw e;
    }
  }

  /**
   * Leaving on purpose ({@code kindling leave}, SIGTERM), the worker first hands its map outputs and cached blocks
   * over to the other workers; not when it was downed or never joined, when there is no one to hand them to.
   */
  private void handOverBeforeLeaving(CompletableFuture<ActorRef<WorkerAgent.Command>> agentRef) {
    akka.actor.ActorSystem classic = Adapter.toClassic(system);
    CoordinatedShutdown.get(classic).addTask(CoordinatedShutdown.PhaseBeforeClusterShutdown(), "kindling-hand-over",
        () -> {
          Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(classic).getShutdownReason();
          akka.cluster.MemberStatus status = akka.cluster.Cluster.get(classic).selfMember().status();
          boolean member = status == akka.cluster.MemberStatus.up() || status == akka.cluster.MemberStatus.leaving();
          boolean downed = reason.isPresent() && (reason.get().equals(CoordinatedShutdown.clusterDowningReason())
              || reason.get().equals(CoordinatedShutdown.clusterJoinUnsuccessfulReason()));
          ActorRef<WorkerAgent.Command> agent = agentRef.getNow(null);
          if (!member || downed || agent == null) {
            return CompletableFuture.completedFuture(Done.getInstance());
          }
          return AskPattern.<WorkerAgent.Command, Done>ask(agent, WorkerAgent.HandOver::new,
              java.time.Duration.ofSeconds(55), system.scheduler());
        });
  }

  /** Application classes (user functions, their records) resolve through {@code jars}, then the classpath. */
  private static ClassLoader applicationLoader(List<String> jars) {
    ClassLoader parent = WorkerMain.class.getClassLoader();
    if (jars.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String jar : jars) {
      Path path = Path.of(jar);
      if (!Files.isReadable(path)) {
        throw new KindlingException("Application jar " + jar + " (kindling.cluster.worker.jars) is not readable");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new KindlingException("Bad application jar path " + jar + ": " + e, e);
      }
    }
    return new URLClassLoader("kindling-app", urls.toArray(URL[]::new), parent);
  }

  /** This worker's address, {@code akka://kindling@HOST:PORT}. */
  public String address() {
    return address;
  }

  public int cores() {
    return cores;
  }

  /** Completes when this worker is an Up member of the cluster. */
  public CompletableFuture<Void> whenUp() {
    return up;
  }

  /**
   * Completes with the exit status when the worker starts its last shutdown phase (after it left the cluster or
   * was removed), also when the JVM is ending on a signal and {@link #awaitExit()} would not return in time.
   */
  public CompletableFuture<Integer> whenStopping() {
    return stopping;
  }

  /** Waits until the worker stops and returns its exit status ({@link #EXIT_LEFT} and the others). */
  public int awaitExit() throws InterruptedException {
    try {
      system.getWhenTerminated().toCompletableFuture().get();
    } catch (ExecutionException e) {
      // terminated abnormally: the shutdown reason below says why
    } finally {
      pool.close();
      io.close();
    }
    return exitStatus();
  }

  private int exitStatus() {
    Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(Adapter.toClassic(system))
        .getShutdownReason();
    if (reason.isEmpty()) {
      return EXIT_LEFT;
    }
    if (reason.get().equals(CoordinatedShutdown.clusterJoinUnsuccessfulReason())) {
      return EXIT_JOIN_FAILED;
    }
    if (reason.get().equals(CoordinatedShutdown.clusterDowningReason())) {
      return EXIT_DOWNED;
    }
    return EXIT_LEFT;
  }

  /** Leaves the cluster gracefully and stops. */
  @Override
  public void close() {
    CoordinatedShutdown.get(Adapter.toClassic(system)).runAll(CoordinatedShutdown.clusterLeavingReason());
  }
}
