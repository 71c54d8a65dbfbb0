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
import java.util.Optional;

/**
 * Runs one action's job: registers its lineage on the nodes, runs its stages parents first, sends each
 * partition to a node, retries failed partitions up to the attempt limit, and completes the action's future
 * with the results (or a {@link JobFailedException} naming the dataset, partition and call site).
 */
public final class JobActor extends AbstractBehavior<JobActor.Command> {

  /** Messages a JobActor handles. */
  public sealed interface Command permits PartitionDone, PartitionFailed, PartitionLost, FetchFailed {}

  /** An attempt finished; {@code value} is the action's per-partition result or the map output sizes. */
  public record PartitionDone(int stageId, int partition, int attempt, Object value,
      AccumulatorUpdates accumulators) implements Command {}

  /** An attempt threw: a user error, retried up to {@code kindling.task.max-attempts}. */
  public record PartitionFailed(int stageId, int partition, int attempt, Throwable cause) implements Command {}

  /** An attempt vanished without a result (its actor stopped); placed again. */
  public record PartitionLost(int stageId, int partition, int attempt, String reason) implements Command {}

  /**
   * A reduce attempt could not fetch map output {@code mapPartition} of {@code shuffleId} (its node is gone): the
   * map partition runs again, then this partition.
   */
  public record FetchFailed(int stageId, int partition, int attempt, int shuffleId, int mapPartition,
      String reason) implements Command {}

  /** The collaborators a job needs from its session's runtime. */
  public record Services(List<ActorRef<NodeSupervisor.Command>> nodes, MapOutputTracker mapOutputs,
      ListenerBus listeners, AccumulatorRegistry accumulators, int maxAttempts, CachePlacement placement) {

    /** Services of a runtime with one node (local mode), where placement has nothing to choose. */
    public Services(List<ActorRef<NodeSupervisor.Command>> nodes, MapOutputTracker mapOutputs,
        ListenerBus listeners, AccumulatorRegistry accumulators, int maxAttempts) {
      this(nodes, mapOutputs, listeners, accumulators, maxAttempts, CachePlacement.none());
    }
  }

  /** Rounds of lost map outputs a job survives, per stage. */
  private static final int MAX_FETCH_FAILURES = 4;

  private final JobSubmission job;
  private final Services services;
  private final long startNanos = System.nanoTime();
  private final Map<Integer, StageRun> runs = new HashMap<>();
  /** The node each attempt in flight was sent to, so that a map output is recorded where it was written. */
  private final Map<Attempt, ActorRef<NodeSupervisor.Command>> placed = new HashMap<>();
  private final List<Object> results;
  private int fetchFailures;
  private boolean finished;

  private record Attempt(int stageId, int partition, int attempt) {}

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
        .onMessage(FetchFailed.class, this::onFetchFailed)
        .build();
  }

  // ---------------------------------------------------------------- scheduling

  private void submitReadyStages() {
    for (Stage stage : job.plan().stages()) {
      if (runs.containsKey(stage.id()) || !parentsDone(stage)) {
        continue;
      }
      // A shuffle whose outputs all exist is reused; of one that lost some, only those map partitions run.
      int[] partitions = stage.isShuffleMap()
          ? services.mapOutputs().missing(stage.shuffleDependency().shuffleId(), stage.numPartitions())
          : job.partitions();
      if (stage.isShuffleMap() && partitions.length == 0) {
        runs.put(stage.id(), StageRun.skipped(stage));
        continue;
      }
      StageRun run = new StageRun(stage, partitions);
      runs.put(stage.id(), run);
      services.listeners().stageSubmitted(new JobListener.StageSubmitted(job.jobId(), stage.id(), stage.name(),
          partitions.length));
      for (int p : partitions) {
        send(stage, p, 0);
      }
      if (partitions.length == 0) {
        stageFinished(run);
      }
    }
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

  /**
   * Places an attempt: a first attempt goes to the node holding a cached block it reads, if any; otherwise (and
   * for retries, which move on) partitions spread over the nodes in turn.
   */
  private void send(Stage stage, int partition, int attempt) {
    List<ActorRef<NodeSupervisor.Command>> nodes = services.nodes();
    Optional<ActorRef<NodeSupervisor.Command>> cached = attempt == 0
        ? services.placement().preferred(stage, partition, nodes) : Optional.empty();
    ActorRef<NodeSupervisor.Command> node = cached
        .orElseGet(() -> nodes.get(Math.floorMod(partition + attempt, nodes.size())));
    placed.put(new Attempt(stage.id(), partition, attempt), node);
    node.tell(new NodeSupervisor.ComputePartition(job.jobId(), stage.id(), partition, attempt,
        getContext().getSelf()));
  }

  // ---------------------------------------------------------------- replies

  private Behavior<Command> onDone(PartitionDone msg) {
    StageRun run = runs.get(msg.stageId());
    if (finished || run == null || !run.accept(msg.partition(), msg.attempt())) {
      return this;
    }
    ActorRef<NodeSupervisor.Command> node = placed.remove(new Attempt(msg.stageId(), msg.partition(),
        msg.attempt()));
    services.placement().computed(run.stage, msg.partition(), node);
    if (run.stage.isShuffleMap()) {
      services.mapOutputs().registerMapOutput(run.stage.shuffleDependency().shuffleId(), run.stage.numPartitions(),
          msg.partition(), node, msg.value() instanceof long[] sizes ? sizes : null);
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
    placed.remove(new Attempt(stageId, partition, attempt));
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

  private Behavior<Command> onFetchFailed(FetchFailed msg) {
    StageRun run = runs.get(msg.stageId());
    if (finished || run == null || !run.accept(msg.partition(), msg.attempt())) {
      return this;
    }
    placed.remove(new Attempt(msg.stageId(), msg.partition(), msg.attempt()));
    services.mapOutputs().removeOutput(msg.shuffleId(), msg.mapPartition());
    Stage parent = job.plan().stages().stream()
        .filter(st -> st.isShuffleMap() && st.shuffleDependency().shuffleId() == msg.shuffleId())
        .findFirst().orElse(null);
    KindlingException cause = new KindlingException("Fetch failed: " + msg.reason());
    // Each loss of map outputs costs the job one round of re-running them; a bound keeps a flapping cluster
    // from running a job for ever (Spark's spark.stage.maxConsecutiveAttempts, 4).
    boolean retry = parent != null && ++fetchFailures <= MAX_FETCH_FAILURES * job.plan().stages().size();
    services.listeners().partitionFailed(new JobListener.PartitionFailed(job.jobId(), msg.stageId(),
        msg.partition(), msg.attempt(), cause, retry));
    if (!retry) {
      fail(new JobFailedException("Job " + job.jobId() + " (" + job.description() + ") failed: partition "
          + msg.partition() + " of " + run.stage.node().describe() + " could not fetch its input after "
          + fetchFailures + " losses of map outputs; last: " + msg.reason(), cause));
      return Behaviors.stopped();
    }
    run.attempts.put(msg.partition(), msg.attempt() + 1);
    run.waiting.add(msg.partition());
    StageRun parentRun = runs.get(parent.id());
    if (parentRun == null || parentRun.isDone()) {
      rerunMapStage(parent, parentRun);
    }
    return this;
  }

  /** Runs the map partitions of {@code stage} whose outputs are missing, after {@code previous} had finished. */
  private void rerunMapStage(Stage stage, StageRun previous) {
    int[] missing = services.mapOutputs().missing(stage.shuffleDependency().shuffleId(), stage.numPartitions());
    if (missing.length == 0) {
      resumeWaiting();
      return;
    }
    StageRun run = new StageRun(stage, missing);
    for (int p : missing) {
      Integer before = previous == null ? null : previous.attempts.get(p);
      run.attempts.put(p, before == null ? 0 : before + 1);
    }
    runs.put(stage.id(), run);
    services.listeners().stageSubmitted(new JobListener.StageSubmitted(job.jobId(), stage.id(), stage.name(),
        missing.length));
    for (int p : missing) {
      send(stage, p, run.attempts.get(p));
    }
  }

  /** Sends again the partitions that waited for lost map outputs, once every stage they read is complete. */
  private void resumeWaiting() {
    for (StageRun run : runs.values()) {
      if (!run.waiting.isEmpty() && parentsDone(run.stage)) {
        for (int p : run.waiting) {
          send(run.stage, p, run.attempts.get(p));
        }
        run.waiting.clear();
      }
    }
  }

  private void stageFinished(StageRun run) {
    if (run.stage.isShuffleMap() && !services.mapOutputs().isComplete(run.stage.shuffleDependency().shuffleId())) {
      // Outputs of this stage were lost while it ran (their node left): run those map partitions again.
      rerunMapStage(run.stage, run);
      return;
    }
    services.listeners().stageCompleted(new JobListener.StageCompleted(job.jobId(), run.stage.id(),
        run.stage.name(), Duration.ofNanos(System.nanoTime() - run.startNanos)));
    if (run.stage.isShuffleMap()) {
      resumeWaiting();
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
    /** Partitions held back until the map outputs they read are written again. */
    final java.util.Set<Integer> waiting = new java.util.TreeSet<>();
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
  }

  private enum NullResult { INSTANCE }
}
