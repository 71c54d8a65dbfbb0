package io.kindling.actors.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.actors.driver.JobActor;
import io.kindling.engine.plan.Stage;
import io.kindling.engine.serial.JobPayload;
import io.kindling.engine.task.NodeServices;
import io.kindling.engine.task.TaskEnv;
import io.kindling.engine.task.TaskOutcome;
import io.kindling.engine.task.TaskRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns one partition of one stage while it is computed: runs the task on the compute pool and reports the
 * outcome to the job. A result-stage PartitionActor stops after replying. If the actor crashes, its
 * NodeSupervisor restarts it and the new incarnation computes the partition again from lineage.
 */
public final class PartitionActor extends AbstractBehavior<PartitionActor.Command> {

  /** Messages a PartitionActor handles. */
  public sealed interface Command permits Finished, Crash {}

  /** The task run by incarnation {@code incarnation} ended on the compute pool. */
  record Finished(int incarnation, TaskOutcome outcome, Throwable error) implements Command {}

  /** Makes the actor fail as if it had crashed (fault injection). */
  public enum Crash implements Command { INSTANCE }

  /** What to compute, whom to tell, and the supervisor to tell that the outcome was reported. */
  record Assignment(long jobId, int stageId, int partition, int attempt, int stageAttempt, RegisteredJob job,
      ActorRef<JobActor.Command> replyTo, ActorRef<NodeSupervisor.Command> supervisor) {}

  private final Assignment assignment;
  private final int incarnation;

  static Behavior<Command> create(Assignment assignment, NodeServices services, ExecutorService pool) {
    // Counts the incarnations the supervisor makes on restart: a result of an earlier one is stale.
    AtomicInteger incarnations = new AtomicInteger();
    return Behaviors.setup(context -> new PartitionActor(context, assignment, services, pool,
        incarnations.getAndIncrement()));
  }

  private PartitionActor(ActorContext<Command> context, Assignment assignment, NodeServices services,
      ExecutorService pool, int incarnation) {
    super(context);
    this.assignment = assignment;
    this.incarnation = incarnation;
    ActorRef<Command> self = context.getSelf();
    CompletableFuture<TaskOutcome> run = CompletableFuture.supplyAsync(() -> {
      JobPayload payload = assignment.job().payload();
      Stage stage = payload.plan().stage(assignment.stageId());
      if (incarnation > 0) {
        services.faults().events().partitionRecomputed(stage.node().id(), assignment.partition(),
            RecomputeCause.PARTITION_ACTOR_RESTARTED);
      }
      TaskEnv env = new TaskEnv(payload.persisted(), () -> self.tell(Crash.INSTANCE), incarnation,
          assignment.stageAttempt());
      return TaskRunner.run(assignment.jobId(), stage, assignment.partition(), assignment.attempt(),
          payload.function(), services, env);
    }, pool);
    context.pipeToSelf(run, (outcome, error) -> new Finished(incarnation, outcome, error));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Finished.class, this::onFinished)
        .onMessageEquals(Crash.INSTANCE, this::onCrash)
        .build();
  }

  private Behavior<Command> onFinished(Finished finished) {
    if (finished.incarnation() != incarnation) {
      return this;
    }
    Assignment a = assignment;
    if (finished.error() != null) {
      a.replyTo().tell(new JobActor.PartitionFailed(a.stageId(), a.partition(), a.attempt(),
          unwrap(finished.error())));
    } else if (finished.outcome() instanceof TaskOutcome.Succeeded s) {
      a.replyTo().tell(new JobActor.PartitionDone(a.stageId(), a.partition(), a.attempt(), s.value(),
          s.accumulators()));
    } else if (finished.outcome() instanceof TaskOutcome.Failed f) {
      a.replyTo().tell(new JobActor.PartitionFailed(a.stageId(), a.partition(), a.attempt(), f.cause()));
    } else if (finished.outcome() instanceof TaskOutcome.FetchFailed f) {
      a.replyTo().tell(new JobActor.FetchFailed(a.stageId(), a.partition(), a.attempt(), f.shuffleId(),
          f.mapPartitions(), f.message()));
    }
    a.supervisor().tell(new NodeSupervisor.PartitionEnded(a.jobId(), a.stageId(), a.partition(), a.attempt()));
    return Behaviors.stopped();
  }

  private Behavior<Command> onCrash() {
    throw new PartitionCrashedException("PartitionActor for partition " + assignment.partition() + " of stage "
        + assignment.stageId() + " (job " + assignment.jobId() + ") crashed on purpose");
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** Thrown inside the actor to simulate a crash; its supervisor restarts it. */
  static final class PartitionCrashedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PartitionCrashedException(String message) {
      super(message);
    }
  }
}
