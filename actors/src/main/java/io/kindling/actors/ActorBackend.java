package io.kindling.actors;

import akka.Done;
import akka.actor.BootstrapSetup;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.actors.driver.JobActor;
import io.kindling.actors.driver.JobSubmission;
import io.kindling.actors.driver.MapOutputTracker;
import io.kindling.actors.driver.SessionDriver;
import io.kindling.actors.node.ComputePool;
import io.kindling.actors.node.LocalNodeEvents;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.fault.NodeFaults;
import io.kindling.engine.io.EngineDataIo;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;
import io.kindling.engine.serial.LineageCut;
import io.kindling.engine.storage.BlockManager;
import io.kindling.engine.storage.StorageSettings;
import io.kindling.engine.task.NodeServices;
import io.kindling.internal.SessionContext;
import io.kindling.internal.StorageRegistry;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.persistence.block.ChronicleStorage;
import io.kindling.persistence.checkpoint.FileCheckpointIo;
import io.kindling.shuffle.NodeShuffleService;
import io.kindling.shuffle.ShuffleSettings;
import io.kindling.spi.BackendContext;
import io.kindling.spi.CheckpointIo;
import io.kindling.spi.DataIo;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.FaultInjection;
import io.kindling.spi.JobRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The actors runtime for one session in local mode: one ActorSystem without remoting (its own, or the host's),
 * a SessionDriver and one node (NodeSupervisor and compute pool) that is both driver and worker.
 */
final class ActorBackend implements ExecutionBackend {
  private final BackendContext context;
  private final ActorSystem<Void> system;
  private final boolean ownsSystem;
  private final ComputePool pool;
  private final ActorRef<SessionDriver.Command> driver;
  private final ActorRef<NodeSupervisor.Command> node;
  private final NodeShuffleService shuffle;
  private final MapOutputTracker mapOutputs = new MapOutputTracker();
  private final BlockManager blocks;
  private final NodeFaults faults;
  private final ActorFaults faultInjection;
  private final CheckpointIo checkpoints = new FileCheckpointIo();
  private final StagePlanner planner;
  private final DataIo io;
  private final AtomicLong nextJobId = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<CompletableFuture<List<Object>>, String> running = new ConcurrentHashMap<>();

  ActorBackend(BackendContext context) {
    this.context = context;
    RuntimeSettings settings = RuntimeSettings.from(context.config());
    // Everything that can reject a setting comes before anything that starts threads.
    this.io = new EngineDataIo(context.config());
    StorageSettings storage = StorageSettings.from(context.config());
    ShuffleSettings shuffleSettings = ShuffleSettings.from(context.config(), context.cores());
    Object host = context.hostActorSystem().orElse(null);
    this.ownsSystem = host == null;
    this.system = ownsSystem ? startSystem(context) : HostSystems.typed(host);
    this.pool = new ComputePool(context.sessionId(), context.cores());
    NodeEvents events = new LocalNodeEvents(context.listeners(), context.counters());
    this.shuffle = new NodeShuffleService(shuffleSettings, context.sessionId(), events);
    // The stores themselves are created on first use: Chronicle Map never delays a session's start.
    this.blocks = new BlockManager(storage, new ChronicleStorage("kindling-" + context.sessionId(), storage),
        events);
    this.faults = new NodeFaults(events, settings.maxTaskAttempts(), settings.maxStageAttempts());
    AtomicInteger stageIds = new AtomicInteger();
    this.planner = new StagePlanner(stageIds::getAndIncrement);
    try {
      this.node = system.systemActorOf(NodeSupervisor.create(new NodeServices(shuffle, blocks, faults),
          pool.executor(), settings.restarts()), "kindling-" + context.sessionId() + "-node", Props.empty());
      this.faultInjection = new ActorFaults(system, List.of(node), List.of(faults));
      JobActor.Services services = new JobActor.Services(List.of(node), mapOutputs,
          context.listeners(), context.accumulators(), settings.maxTaskAttempts(), settings.maxStageAttempts());
      this.driver = system.systemActorOf(SessionDriver.create(services),
          "kindling-" + context.sessionId() + "-driver", Props.empty());
    } catch (RuntimeException e) {
      shutdown();
      throw e;
    }
  }

  private static ActorSystem<Void> startSystem(BackendContext context) {
    // kindling.runtime.local.akka keeps the system small: no remoting, streams or cluster extensions, which a
    // local system never uses.
    Config runtime = context.config().getConfig("kindling.runtime.local").withFallback(context.config());
    // Akka's own choice, the thread's context class loader (an application's jars under `kindling submit`), seen
    // through the local view; usually it is the loader the session's config came from, whose defaults Typesafe
    // Config then has cached.
    ClassLoader threadLoader = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = LocalConfigLoader.over(threadLoader != null ? threadLoader
        : KindlingSession.class.getClassLoader());
    return ActorSystem.create(Behaviors.empty(), "kindling-" + context.sessionId(),
        BootstrapSetup.create(runtime).withClassloader(loader));
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
    // Serialized on the caller's thread: a closure that can't be serialized fails the action right here.
    byte[] payload = ClosureSerializer.encode(new JobPayload(plan, request.function(), storage.persistedLevels()),
        request.description());
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    long jobId = nextJobId.incrementAndGet();
    trackUntilDone(result, "Job " + jobId + " (" + request.description() + ")");
    driver.tell(new SessionDriver.SubmitJob(new JobSubmission(jobId, request.description(), plan, payload,
        request.partitions(), result)));
    @SuppressWarnings("unchecked")
    CompletableFuture<List<U>> typed = (CompletableFuture<List<U>>) (CompletableFuture<?>) result;
    return typed;
  }

  // ---------------------------------------------------------------- shuffles

  /** The node's shuffle service; costs nothing until the first shuffle writes (Chronicle Map is made then). */
  @Override
  public void releaseShuffle(int shuffleId) {
    if (!closed.get()) {
      mapOutputs.unregister(shuffleId);
      shuffle.remove(shuffleId);
    }
  }

  /** The ActorSystem the session runs in (for tests). */
  ActorSystem<Void> system() {
    return system;
  }

  /** The node's shuffle service (for tests). */
  NodeShuffleService shuffleService() {
    return shuffle;
  }

  @Override
  public DataIo io() {
    return io;
  }

  @Override
  public void unpersist(int rddId, boolean blocking) {
    if (closed.get()) {
      return;
    }
    CompletableFuture<Done> done = AskPattern.<NodeSupervisor.Command, Done>ask(node,
        replyTo -> new NodeSupervisor.Unpersist(rddId, replyTo), Duration.ofSeconds(30), system.scheduler())
        .toCompletableFuture();
    if (blocking) {
      SessionContext.await(done);
    }
  }

  @Override
  public FaultInjection faults() {
    return faultInjection;
  }

  @Override
  public CheckpointIo checkpoints() {
    return checkpoints;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        shutdown();
      } finally {
        failRunningJobs();
      }
    }
  }

  /** Remembers a job's future until it completes, so that stopping the session can fail it. */
  private void trackUntilDone(CompletableFuture<List<Object>> result, String job) {
    running.put(result, job);
    result.whenComplete((value, error) -> running.remove(result));
    if (closed.get()) {
      failRunningJobs();
    }
  }

  /** Jobs still running when the session stops would otherwise never complete: their actions would hang. */
  private void failRunningJobs() {
    running.forEach((future, job) -> future.completeExceptionally(new KindlingException(job
        + " did not finish: its KindlingSession was stopped while it ran")));
  }

  private void shutdown() {
    try {
      if (ownsSystem) {
        system.terminate();
        awaitTermination();
      } else {
        if (driver != null) {
          driver.tell(SessionDriver.Stop.INSTANCE);
        }
        if (node != null) {
          node.tell(NodeSupervisor.Stop.INSTANCE);
        }
      }
    } finally {
      pool.close();
      shuffle.close();
      if (blocks != null) {
        blocks.close();
      }
    }
  }

  private void awaitTermination() {
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      throw new KindlingException("The session's actor system did not terminate within 30 s", e);
    }
  }

  /** Settings of the runtime, read once. */
  record RuntimeSettings(int maxTaskAttempts, int maxStageAttempts, NodeSupervisor.RestartPolicy restarts) {
    static RuntimeSettings from(Config config) {
      Config r = config.getConfig("kindling.runtime.partition-restarts");
      int maxStageAttempts = config.getInt("kindling.stage.max-consecutive-attempts");
      if (maxStageAttempts < 1) {
        throw new KindlingException("kindling.stage.max-consecutive-attempts must be at least 1: "
            + maxStageAttempts);
      }
      return new RuntimeSettings(config.getInt("kindling.task.max-attempts"), maxStageAttempts,
          new NodeSupervisor.RestartPolicy(r.getDuration("min-backoff"), r.getDuration("max-backoff"),
              r.getInt("max-restarts")));
    }
  }
}
