package io.kindling.actors.driver;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.kindling.JobFailedException;
import io.kindling.JobListener;
import io.kindling.KindlingException;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one action's job: registers its lineage on the nodes, runs its stages parents first, sends each
 * partition to a node, retries failed partitions up to the attempt limit, and completes the action's future
 * with the results (or a {@link JobFailedException} naming the dataset, partition and call site).
 */
public final class JobActor extends AbstractBehavior<JobActor.Command> {

  /** Messages a JobActor handles. */
  public sealed interface Command permits PartitionDone, PartitionFailed, PartitionLost {}

  /** An attempt finished; {@code value} is the action's per-partition result or the map output sizes. */
  public record PartitionDone(int stageId, int partition, int attempt, Object value,
      AccumulatorUpdates accumulators) implements Command {}

  /** An attempt threw: a user error, retried up to {@code kindling.task.max-attempts}. */
  public record PartitionFailed(int stageId, int partition, int attempt, Throwable cause) implements Command {}

  /** An attempt vanished without a result (its actor stopped); placed again. */
  public record PartitionLost(int stageId, int partition, int attempt, String reason) implements Command {}

  /** The collaborators a job needs from its session's runtime. */
  public record Services(List<ActorRef<NodeSupervisor.Command>> nodes, MapOutputTracker mapOutputs,
      ListenerBus listeners, AccumulatorRegistry accumulators, int maxAttempts) {}

  private final JobSubmission job;
  private final Services services;
  private final long startNanos = System.nanoTime();
  private final Map<Integer, StageRun> runs = new HashMap<>();
  private final List<Object> results;
  private boolean finished;

  public static Behavior<Command> create(JobSubmission job, Services services) {
    return Behaviors.setup(context -> new JobActor(context, job, services));
  }

  private JobActor(ActorContext<Command> context, JobSubmission job, Services services) {
    super(context);
    this.job = job;
    this.services = services;
    this.results = new ArrayList<>(java.util.Collections.nCopies(job.partitions().length, null));
    services.listeners().jobStarted(new JobListener.JobStarted(job.jobId(), job.description(),
        job.plan().stages().stream().map(Stage::id).toList()));
    for (ActorRef<NodeSupervisor.Command> node : services.nodes()) {
      node.tell(new NodeSupervisor.RegisterLineage(job.jobId(), job.payload()));
    }
    submitReadyStages();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PartitionDone.class, this::onDone)
        .onMessage(PartitionFailed.class, this::onFailed)
        .onMessage(PartitionLost.class, this::onLost)
        .build();
  }

  // ---------------------------------------------------------------- scheduling

  private void submitReadyStages() {
    for (Stage stage : job.plan().stages()) {
      if (runs.containsKey(stage.id()) || !parentsDone(stage)) {
        continue;
      }
      if (stage.isShuffleMap() && services.mapOutputs().isComplete(stage.shuffleDependency().shuffleId())) {
        runs.put(stage.id(), StageRun.skipped(stage));
        continue;
      }
      int[] partitions = stage.isShuffleMap()
          ? java.util.stream.IntStream.range(0, stage.numPartitions()).toArray()
          : job.partitions();
      StageRun run = new StageRun(stage, partitions);
      runs.put(stage.id(), run);
      services.listeners().stageSubmitted(new JobListener.StageSubmitted(job.jobId(), stage.id(), nameOf(stage),
          partitions.length));
      for (int p : partitions) {
        send(stage, p, 0);
      }
      if (partitions.length == 0) {
        stageFinished(run);
      }
    }
  }

  /** As Spark names stages: a result stage by the action ({@code count at App.java:9}), others by their dataset. */
  private String nameOf(Stage stage) {
    return stage.isShuffleMap() ? stage.name() : job.description();
  }

  private boolean parentsDone(Stage stage) {
    for (Stage parent : stage.parents()) {
      StageRun run = runs.get(parent.id());
      if (run == null || !run.isDone()) {
        return false;
      }
    }
    return true;
  }

  private void send(Stage stage, int partition, int attempt) {
    List<ActorRef<NodeSupervisor.Command>> nodes = services.nodes();
    ActorRef<NodeSupervisor.Command> node = nodes.get(Math.floorMod(partition + attempt, nodes.size()));
    node.tell(new NodeSupervisor.ComputePartition(job.jobId(), stage.id(), partition, attempt,
        getContext().getSelf()));
  }

  // ---------------------------------------------------------------- replies

  private Behavior<Command> onDone(PartitionDone msg) {
    StageRun run = runs.get(msg.stageId());
    if (finished || run == null || !run.accept(msg.partition(), msg.attempt())) {
      return this;
    }
    if (msg.accumulators() != null && !msg.accumulators().isEmpty()) {
      services.accumulators().merge(msg.accumulators());
    }
    run.complete(msg.partition(), msg.value());
    if (!run.stage.isShuffleMap()) {
      results.set(run.indexOf(msg.partition()), msg.value());
    }
    services.listeners().partitionCompleted(new JobListener.PartitionCompleted(job.jobId(), msg.stageId(),
        msg.partition(), msg.attempt(), run.doneCount(), run.total()));
    if (run.isDone()) {
      stageFinished(run);
    }
    return finished ? Behaviors.stopped() : this;
  }

  private Behavior<Command> onFailed(PartitionFailed msg) {
    return retryOrFail(msg.stageId(), msg.partition(), msg.attempt(), msg.cause());
  }

  private Behavior<Command> onLost(PartitionLost msg) {
    return retryOrFail(msg.stageId(), msg.partition(), msg.attempt(),
        new KindlingException("Partition " + msg.partition() + " was lost: " + msg.reason()));
  }

  private Behavior<Command> retryOrFail(int stageId, int partition, int attempt, Throwable cause) {
    StageRun run = runs.get(stageId);
    if (finished || run == null || !run.accept(partition, attempt)) {
      return this;
    }
    int next = attempt + 1;
    boolean retry = next < services.maxAttempts();
    services.listeners().partitionFailed(new JobListener.PartitionFailed(job.jobId(), stageId, partition,
        attempt, cause, retry));
    if (retry) {
      run.attempts.put(partition, next);
      send(run.stage, partition, next);
      return this;
    }
    fail(new JobFailedException("Job " + job.jobId() + " (" + job.description() + ") failed: partition "
        + partition + " of " + run.stage.node().describe() + " failed " + next + " time"
        + (next == 1 ? "" : "s") + "; last failure: " + cause, cause));
    return Behaviors.stopped();
  }

  private void stageFinished(StageRun run) {
    services.listeners().stageCompleted(new JobListener.StageCompleted(job.jobId(), run.stage.id(),
        nameOf(run.stage), Duration.ofNanos(System.nanoTime() - run.startNanos)));
    if (run.stage.isShuffleMap()) {
      services.mapOutputs().registerComplete(run.stage.shuffleDependency().shuffleId(), run.mapSizes());
      submitReadyStages();
    } else {
      succeed();
    }
  }

  private void succeed() {
    finished = true;
    forgetJob();
    services.listeners().jobEnded(new JobListener.JobEnded(job.jobId(), job.description(), true, null,
        elapsed()));
    job.result().complete(results);
  }

  private void fail(Throwable error) {
    finished = true;
    forgetJob();
    services.listeners().jobEnded(new JobListener.JobEnded(job.jobId(), job.description(), false, error,
        elapsed()));
    job.result().completeExceptionally(error);
  }

  private void forgetJob() {
    for (ActorRef<NodeSupervisor.Command> node : services.nodes()) {
      node.tell(new NodeSupervisor.ForgetJob(job.jobId()));
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Progress of one stage within this job. */
  private static final class StageRun {
    final Stage stage;
    final int[] partitions;
    final Map<Integer, Integer> attempts = new HashMap<>();
    final Map<Integer, Object> values = new HashMap<>();
    final long startNanos = System.nanoTime();
    final boolean skipped;

    StageRun(Stage stage, int[] partitions) {
      this(stage, partitions, false);
    }

    private StageRun(Stage stage, int[] partitions, boolean skipped) {
      this.stage = stage;
      this.partitions = partitions;
      this.skipped = skipped;
      for (int p : partitions) {
        attempts.put(p, 0);
      }
    }

    static StageRun skipped(Stage stage) {
      return new StageRun(stage, new int[0], true);
    }

    /** True when {@code attempt} is the current attempt of a partition not yet done. */
    boolean accept(int partition, int attempt) {
      Integer current = attempts.get(partition);
      return current != null && current == attempt && !values.containsKey(partition);
    }

    void complete(int partition, Object value) {
      values.put(partition, value == null ? NullResult.INSTANCE : value);
    }

    int indexOf(int partition) {
      for (int i = 0; i < partitions.length; i++) {
        if (partitions[i] == partition) {
          return i;
        }
      }
      throw new IllegalArgumentException("partition " + partition + " not in " + Arrays.toString(partitions));
    }

    int doneCount() {
      return values.size();
    }

    int total() {
      return partitions.length;
    }

    boolean isDone() {
      return skipped || values.size() == partitions.length;
    }

    long[][] mapSizes() {
      long[][] sizes = new long[stage.numPartitions()][];
      for (int p = 0; p < sizes.length; p++) {
        Object v = values.get(p);
        sizes[p] = v instanceof long[] l ? l : new long[0];
      }
      return sizes;
    }
  }

  private enum NullResult { INSTANCE }
}
