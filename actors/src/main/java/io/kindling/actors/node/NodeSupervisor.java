package io.kindling.actors.node;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.pattern.StatusReply;
import io.kindling.actors.driver.JobActor;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.OwnedBlock;
import io.kindling.engine.task.NodeServices;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The root of a node's partition actors. Keeps each job's registered lineage (sent once per node) and spawns a
 * supervised {@link PartitionActor} per partition to compute, restarting one that crashes (with backoff, a
 * bounded number of times); when it gives up, the job is told the partition was lost and places it again. Each
 * cached block gets a supervised {@link CachedPartitionActor} that owns it for as long as it lives (see
 * {@link CachedPartitions}), and injected faults that target blocks or their owners arrive here.
 */
public final class NodeSupervisor extends AbstractBehavior<NodeSupervisor.Command> {

  /** Messages a NodeSupervisor handles. */
  public sealed interface Command permits RegisterLineage, ComputePartition, ForgetJob, CrashPartition, Stop,
      ChildStopped, PartitionEnded, OwnBlock, ReleaseBlock, CrashOwner, Unpersist, InjectFault, OwnerStopped {}

  /** A job's serialized payload; sent once per node before its partitions. */
  public record RegisterLineage(long jobId, byte[] payload) implements Command {}

  /**
   * Compute one partition of a stage of a registered job and report to {@code replyTo}; {@code attempt} counts the
   * partition's tasks in this job, {@code stageAttempt} the stage's attempts (more than one when map outputs it
   * read went missing).
   */
  public record ComputePartition(long jobId, int stageId, int partition, int attempt, int stageAttempt,
      ActorRef<JobActor.Command> replyTo) implements Command {}

  /** The job ended: drop its lineage. */
  public record ForgetJob(long jobId) implements Command {}

  /** Crash the actor computing this partition, if one is running (fault injection). */
  public record CrashPartition(long jobId, int stageId, int partition) implements Command {}

  /** Stop this node's actors. */
  public enum Stop implements Command { INSTANCE }

  record ChildStopped(String name, long jobId, int stageId, int partition, int attempt,
      ActorRef<JobActor.Command> replyTo) implements Command {}

  /** A partition actor reported its task's outcome to the job and is stopping: it is no longer watched. */
  record PartitionEnded(long jobId, int stageId, int partition, int attempt) implements Command {}

  /** A block was stored on this node: it gets an owning partition actor. */
  public record OwnBlock(OwnedBlock block) implements Command {}

  /** The block stored as {@code generation} was evicted or dropped: its owner stops. */
  public record ReleaseBlock(BlockId id, long generation) implements Command {}

  /** Crash the owner of a cached block (a scheduled fault). */
  public record CrashOwner(BlockId id) implements Command {}

  /** Remove every cached block of a dataset and stop their owners; {@code replyTo} hears when done. */
  public record Unpersist(int rddId, ActorRef<Done> replyTo) implements Command {}

  /** Fire or arm a fault; {@code replyTo} hears once it is armed or has fired. */
  public record InjectFault(FaultRequest request, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  record OwnerStopped(BlockId id, ActorRef<CachedPartitionActor.Command> owner) implements Command {}

  private final NodeServices services;
  private final ExecutorService pool;
  private final RestartPolicy restarts;
  private final Map<Long, RegisteredJob> jobs = new HashMap<>();
  private final Map<String, Running> running = new HashMap<>();
  private final CachedPartitions cached;

  /** The actor computing attempt {@code attempt} of a partition. */
  private record Running(int attempt, ActorRef<PartitionActor.Command> actor) {}

  /** Bounds on restarting crashed partition actors. */
  public record RestartPolicy(Duration minBackoff, Duration maxBackoff, int maxRestarts) {}

  public static Behavior<Command> create(NodeServices services, ExecutorService pool, RestartPolicy restarts) {
    return Behaviors.setup(context -> new NodeSupervisor(context, services, pool, restarts));
  }

  private NodeSupervisor(ActorContext<Command> context, NodeServices services, ExecutorService pool,
      RestartPolicy restarts) {
    super(context);
    this.services = services;
    this.pool = pool;
    this.restarts = restarts;
    this.cached = new CachedPartitions(context, services, pool, restarts);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RegisterLineage.class, this::onRegister)
        .onMessage(ComputePartition.class, this::onCompute)
        .onMessage(ForgetJob.class, this::onForget)
        .onMessage(CrashPartition.class, this::onCrashPartition)
        .onMessage(ChildStopped.class, this::onChildStopped)
        .onMessage(PartitionEnded.class, this::onPartitionEnded)
        .onMessage(OwnBlock.class, msg -> {
          cached.own(msg.block());
          return this;
        })
        .onMessage(ReleaseBlock.class, msg -> {
          cached.release(msg.id(), msg.generation());
          return this;
        })
        .onMessage(OwnerStopped.class, msg -> {
          cached.stopped(msg.id(), msg.owner());
          return this;
        })
        .onMessage(CrashOwner.class, msg -> {
          cached.crash(msg.id());
          return this;
        })
        .onMessage(Unpersist.class, msg -> {
          cached.unpersist(msg.rddId());
          msg.replyTo().tell(Done.getInstance());
          return this;
        })
        .onMessage(InjectFault.class, msg -> {
          cached.inject(msg.request(), msg.replyTo());
          return this;
        })
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }

  private Behavior<Command> onRegister(RegisterLineage msg) {
    jobs.put(msg.jobId(), new RegisteredJob(msg.payload()));
    return this;
  }

  private Behavior<Command> onCompute(ComputePartition msg) {
    RegisteredJob job = jobs.get(msg.jobId());
    if (job == null) {
      msg.replyTo().tell(new JobActor.PartitionLost(msg.stageId(), msg.partition(), msg.attempt(),
          "job " + msg.jobId() + " is not registered on this node"));
      return this;
    }
    String name = actorName(msg.jobId(), msg.stageId(), msg.partition(), msg.attempt());
    PartitionActor.Assignment assignment = new PartitionActor.Assignment(msg.jobId(), msg.stageId(),
        msg.partition(), msg.attempt(), msg.stageAttempt(), job, msg.replyTo(), getContext().getSelf());
    Behavior<PartitionActor.Command> supervised = Behaviors.supervise(
            PartitionActor.create(assignment, services, pool))
        .onFailure(PartitionActor.PartitionCrashedException.class,
            SupervisorStrategy.restartWithBackoff(restarts.minBackoff(), restarts.maxBackoff(), 0.2)
                .withMaxRestarts(restarts.maxRestarts()));
    ActorRef<PartitionActor.Command> child = getContext().spawn(supervised, name);
    running.put(key(msg.jobId(), msg.stageId(), msg.partition()), new Running(msg.attempt(), child));
    getContext().watchWith(child, new ChildStopped(name, msg.jobId(), msg.stageId(), msg.partition(),
        msg.attempt(), msg.replyTo()));
    return this;
  }

  private Behavior<Command> onForget(ForgetJob msg) {
    jobs.remove(msg.jobId());
    return this;
  }

  private Behavior<Command> onCrashPartition(CrashPartition msg) {
    Running child = running.get(key(msg.jobId(), msg.stageId(), msg.partition()));
    if (child != null) {
      child.actor().tell(PartitionActor.Crash.INSTANCE);
    }
    return this;
  }

  /** A task's outcome reached its job: the actor's stop that follows is not a loss. */
  private Behavior<Command> onPartitionEnded(PartitionEnded msg) {
    Running child = takeRunning(msg.jobId(), msg.stageId(), msg.partition(), msg.attempt());
    if (child != null) {
      getContext().unwatch(child.actor());
    }
    return this;
  }

  /** A partition actor stopped before reporting an outcome: its supervisor gave up restarting it. */
  private Behavior<Command> onChildStopped(ChildStopped msg) {
    if (takeRunning(msg.jobId(), msg.stageId(), msg.partition(), msg.attempt()) == null) {
      return this;
    }
    msg.replyTo().tell(new JobActor.PartitionLost(msg.stageId(), msg.partition(), msg.attempt(),
        "partition actor " + msg.name() + " stopped"));
    return this;
  }

  /** Removes and returns the actor running {@code attempt} of the partition; null when another attempt runs. */
  private Running takeRunning(long jobId, int stageId, int partition, int attempt) {
    String key = key(jobId, stageId, partition);
    Running child = running.get(key);
    if (child == null || child.attempt() != attempt) {
      return null;
    }
    running.remove(key);
    return child;
  }

  private static String actorName(long jobId, int stageId, int partition, int attempt) {
    return "job" + jobId + "-stage" + stageId + "-part" + partition + "-attempt" + attempt;
  }

  private static String key(long jobId, int stageId, int partition) {
    return jobId + "/" + stageId + "/" + partition;
  }
}
