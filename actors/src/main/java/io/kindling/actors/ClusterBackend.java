package io.kindling.actors;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import io.kindling.KindlingException;
import io.kindling.actors.cluster.AppJars;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.actors.cluster.ClusterSettings;
import io.kindling.actors.cluster.ClusterSystems;
import io.kindling.actors.cluster.ClusterView;
import io.kindling.actors.cluster.LiveNodes;
import io.kindling.actors.cluster.MemberRole;
import io.kindling.actors.driver.CachePlacement;
import io.kindling.actors.driver.JobActor;
import io.kindling.actors.driver.JobSubmission;
import io.kindling.actors.driver.MapOutputTracker;
import io.kindling.actors.driver.SessionDriver;
import io.kindling.actors.driver.TaskPlacement;
import io.kindling.engine.io.EngineDataIo;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;
import io.kindling.engine.serial.LineageCut;
import io.kindling.internal.SessionContext;
import io.kindling.internal.StorageRegistry;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.persistence.checkpoint.FileCheckpointIo;
import io.kindling.spi.CheckpointIo;
import io.kindling.spi.FaultInjection;
import akka.Done;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.actors.node.NodeSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import io.kindling.spi.BackendContext;
import io.kindling.spi.DataIo;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.JobRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The actors runtime for a session in cluster mode ({@code master("cluster")} or
 * {@code master("kindling://HOST:PORT")}): the session's own ActorSystem joins the cluster with role
 * {@code driver}; its {@link ClusterView} attaches the session to every worker, and jobs run through the same
 * SessionDriver and JobActors as in local mode, with the workers' nodes as the nodes.
 */
final class ClusterBackend implements ExecutionBackend, ClusterSession {
  private final BackendContext context;
  private final ClusterSettings settings;
  private final ActorSystem<Void> system;
  private final LiveNodes live = new LiveNodes();
  private final ActorRef<SessionDriver.Command> driver;
  private final ActorRef<ClusterView.Command> view;
  private final MapOutputTracker mapOutputs = new MapOutputTracker();
  private final CachePlacement placement;
  private final TaskPlacement taskPlacement;
  private final ClusterFaults faults;
  private final CheckpointIo checkpoints = new FileCheckpointIo();
  private final StagePlanner planner;
  private final DataIo io;
  private final long maximumMessageSize;
  private final AtomicLong nextJobId = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  ClusterBackend(BackendContext context) {
    this.context = context;
    if (context.hostActorSystem().isPresent()) {
      throw new KindlingException("builder().actorSystem(...) runs a session inside a host's ActorSystem in local "
          + "mode only; master '" + context.master() + "' starts a cluster member of its own. Drop actorSystem(...) "
          + "or use master(\"local[*]\")");
    }
    Config config = context.config();
    this.settings = ClusterSettings.forMaster(config, context.master());
    this.maximumMessageSize = ClusterSystems.maximumMessageSize(settings);
    this.io = new EngineDataIo(config);
    AtomicInteger stageIds = new AtomicInteger();
    this.planner = new StagePlanner(stageIds::getAndIncrement);
    ActorBackend.RuntimeSettings runtime = ActorBackend.RuntimeSettings.from(config);
    this.placement = new CachePlacement(context.storage()::level);
    this.taskPlacement = new TaskPlacement(placement, live::info);
    JobActor.Services services = new JobActor.Services(live.supervisors(), mapOutputs,
        context.listeners(), context.accumulators(), runtime.maxTaskAttempts(), runtime.maxStageAttempts(),
        taskPlacement);
    List<AppJars.AppJar> appJars = AppJars.read(config.getString("kindling.cluster.app-jars"));
    CompletableFuture<ActorRef<SessionDriver.Command>> driverRef = new CompletableFuture<>();
    CompletableFuture<ActorRef<ClusterView.Command>> viewRef = new CompletableFuture<>();
    String sessionName = context.appName() + " (" + context.sessionId() + ")";
    this.system = ActorSystem.create(Behaviors.setup(ctx -> {
      viewRef.complete(ctx.spawn(ClusterView.create(sessionName, live, mapOutputs, placement,
          config.getBoolean("kindling.cluster.rebalance-cached-on-join"), appJars,
          (int) Math.max(64 * 1024, maximumMessageSize - 64 * 1024)), "view"));
      // Job actors are children of /user/driver, a large-message destination (see reference.conf).
      driverRef.complete(ctx.spawn(SessionDriver.create(services), "driver"));
      return Behaviors.empty();
    }), settings.systemName(), ClusterSystems.memberConfig(settings, MemberRole.DRIVER, config));
    try {
      this.driver = driverRef.get(30, TimeUnit.SECONDS);
      this.view = viewRef.get(30, TimeUnit.SECONDS);
      this.faults = new ClusterFaults(system, live, view);
      awaitWorkers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown();
      throw new KindlingException("Interrupted while joining the cluster at " + settings.seedNodes(), e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      shutdown();
      throw e instanceof KindlingException k ? k
          : new KindlingException("Could not start the session's cluster member: " + e, e);
    }
  }

  private void awaitWorkers() throws InterruptedException {
    int wanted = Math.max(1, settings.minWorkers());
    if (!live.awaitAtLeast(wanted, settings.workerWaitTimeout())) {
      throw new KindlingException("No Kindling worker joined the session within "
          + settings.workerWaitTimeout().toSeconds() + " s (wanted " + wanted + ", found " + live.size()
          + ", seed nodes " + settings.seedNodes() + ", transport " + settings.transport().configName()
          + "). Start workers with `bin/kindling worker --seed HOST:PORT`, check that the seed address and "
          + "transport match theirs, or raise kindling.cluster.worker-wait-timeout");
    }
  }

  @Override
  public String memberAddress() {
    return system.address().toString();
  }

  @Override
  public List<LiveNodes.WorkerNode> workers() {
    return live.snapshot();
  }

  @Override
  public <T, U> CompletableFuture<List<U>> submitJob(JobRequest<T, U> request) {
    if (closed.get()) {
      throw new KindlingException("Cannot run " + request.action() + ": the session was stopped");
    }
    StorageRegistry storage = context.storage();
    LineageNode<?> root = storage.hasCheckpoints()
        ? LineageCut.cut(request.node(), n -> storage.substitute(n)) : request.node();
    JobPlan plan = planner.plan(root);
    byte[] payload = ClosureSerializer.encode(new JobPayload(plan, request.function(), storage.persistedLevels()),
        request.description());
    if (payload.length > maximumMessageSize) {
      throw new KindlingException("Cannot run " + request.description() + ": its lineage and closures serialize "
          + "to " + payload.length + " bytes, more than the " + maximumMessageSize + " a cluster message may "
          + "carry. Data given to parallelize() travels inside the lineage: read large inputs with textFile(), "
          + "or raise kindling.cluster.maximum-message-size");
    }
    taskPlacement.prepare(plan);
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    long jobId = nextJobId.incrementAndGet();
    driver.tell(new SessionDriver.SubmitJob(new JobSubmission(jobId, request.description(), plan, payload,
        request.partitions(), result)));
    @SuppressWarnings("unchecked")
    CompletableFuture<List<U>> typed = (CompletableFuture<List<U>>) (CompletableFuture<?>) result;
    return typed;
  }

  /** The cores of the workers attached to this session now (Spark's default parallelism counts executors' cores). */
  @Override
  public java.util.OptionalInt workerCores() {
    return java.util.OptionalInt.of(live.snapshot().stream().mapToInt(LiveNodes.WorkerNode::cores).sum());
  }

  @Override
  public DataIo io() {
    return io;
  }

  @Override
  public void releaseShuffle(int shuffleId) {
    if (!closed.get()) {
      view.tell(new ClusterView.ReleaseShuffle(shuffleId));
    }
  }

  @Override
  public void unpersist(int rddId, boolean blocking) {
    if (closed.get()) {
      return;
    }
    placement.forget(rddId);
    List<CompletableFuture<Done>> done = new ArrayList<>();
    for (LiveNodes.WorkerNode worker : live.snapshot()) {
      done.add(AskPattern.<NodeSupervisor.Command, Done>ask(worker.node(),
          replyTo -> new NodeSupervisor.Unpersist(rddId, replyTo), Duration.ofSeconds(30), system.scheduler())
          .toCompletableFuture());
    }
    if (blocking) {
      SessionContext.await(CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)));
    }
  }

  @Override
  public void rebalance() {
    if (closed.get()) {
      return;
    }
    SessionContext.await(AskPattern.<ClusterView.Command, Done>ask(view, ClusterView.Rebalance::new,
        Duration.ofSeconds(90), system.scheduler()).toCompletableFuture());
  }

  @Override
  public FaultInjection faults() {
    return faults;
  }

  /** Checkpoint files go to a directory that every member must see (a shared file system). */
  @Override
  public CheckpointIo checkpoints() {
    return checkpoints;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      shutdown();
    }
  }

  /** Leaves the cluster (workers then drop this session's nodes) and stops the ActorSystem. */
  private void shutdown() {
    try {
      CoordinatedShutdown.get(Adapter.toClassic(system)).runAll(CoordinatedShutdown.clusterLeavingReason())
          .toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      system.terminate();
      throw new KindlingException("The session " + context.sessionId() + " did not leave the cluster within 60 s",
          e);
    }
  }
}
