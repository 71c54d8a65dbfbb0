package io.kindling.actors.driver;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.kindling.JobFailedException;
import io.kindling.JobListener;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingException;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.Stage;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one action's job: registers its lineage on the nodes, runs the stages it needs parents first, sends each
 * partition to a node, retries failed partitions up to the attempt limit, and completes the action's future with
 * the results (or a {@link JobFailedException} naming the dataset, partition and call site).
 *
 * <p>A shuffle-map stage runs only the map partitions whose outputs the {@link MapOutputTracker} lacks, so a
 * shuffle written by an earlier job is reused. When a task finds map outputs it reads missing (a fetch failure,
 * which is not counted as a failure of the partition), the job unregisters them, runs exactly those map
 * partitions again (first those of grandparent shuffles they in turn find missing), and then the partitions that
 * could not read them. A stage that keeps failing that way is given up after
 * {@code kindling.stage.max-consecutive-attempts} attempts, as Spark does.
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
   * An attempt could not read map outputs {@code mapPartitions} of shuffle {@code shuffleId}: they are run again,
   * then the partition.
   */
  public record FetchFailed(int stageId, int partition, int attempt, int shuffleId,
      List<Integer> mapPartitions, String reason) implements Command {
    public FetchFailed {
      mapPartitions = List.copyOf(mapPartitions);
    }
  }

  /** The collaborators a job needs from its session's runtime. */
  public record Services(List<ActorRef<NodeSupervisor.Command>> nodes, MapOutputTracker mapOutputs,
      ListenerBus listeners, AccumulatorRegistry accumulators, int maxAttempts, int maxStageAttempts,
      TaskPlacement placement) {

    /** Services of a runtime with one node (local mode), where placement has nothing to choose. */
    public Services(List<ActorRef<NodeSupervisor.Command>> nodes, MapOutputTracker mapOutputs,
        ListenerBus listeners, AccumulatorRegistry accumulators, int maxAttempts, int maxStageAttempts) {
      this(nodes, mapOutputs, listeners, accumulators, maxAttempts, maxStageAttempts, TaskPlacement.local());
    }
  }

  private final JobSubmission job;
  private final Services services;
  private final long startNanos = System.nanoTime();
  private final Map<Integer, StageState> stages = new LinkedHashMap<>();
  private final Map<Integer, StageState> byShuffle = new HashMap<>();
  /** Stages waiting for map outputs of their parents; resubmitted when a parent completes. */
  private final Set<Integer> waiting = new HashSet<>();
  /** Per shuffle, the map partitions this job found lost and has not yet run again. */
  private final Map<Integer, Set<Integer>> lost = new HashMap<>();
  private final List<Object> results;
  private boolean finished;

  public static Behavior<Command> create(JobSubmission job, Services services) {
    return Behaviors.setup(context -> {
      JobActor actor = new JobActor(context, job, services);
      // A job with nothing to compute (no partitions) is over as soon as it starts.
      return actor.finished ? Behaviors.stopped() : actor;
    });
  }

  private JobActor(ActorContext<Command> context, JobSubmission job, Services services) {
    super(context);
    this.job = job;
    this.services = services;
    this.results = new ArrayList<>(Collections.nCopies(job.partitions().length, null));
    for (Stage stage : job.plan().stages()) {
      StageState state = new StageState(stage);
      stages.put(stage.id(), state);
      if (stage.isShuffleMap()) {
        byShuffle.put(stage.shuffleDependency().shuffleId(), state);
      }
    }
    services.listeners().jobStarted(new JobListener.JobStarted(job.jobId(), job.description(),
        job.plan().stages().stream().map(Stage::id).toList()));
    for (ActorRef<NodeSupervisor.Command> node : services.nodes()) {
      node.tell(new NodeSupervisor.RegisterLineage(job.jobId(), job.payload()));
    }
    submitStage(stages.get(job.plan().resultStage().id()));
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

  /** Runs {@code state}'s missing partitions, or, when parents lack map outputs, those parents first. */
  private void submitStage(StageState state) {
    List<StageState> missingParents = new ArrayList<>();
    for (Stage parent : state.stage.parents()) {
      StageState p = stages.get(parent.id());
      if (!available(p)) {
        missingParents.add(p);
      }
    }
    if (!missingParents.isEmpty()) {
      waiting.add(state.stage.id());
      missingParents.forEach(this::submitStage);
      return;
    }
    waiting.remove(state.stage.id());
    launchMissing(state);
  }

  private void launchMissing(StageState state) {
    List<Integer> missing = missingPartitions(state);
    if (!state.active) {
      state.active = true;
      state.startNanos = System.nanoTime();
      services.listeners().stageSubmitted(new JobListener.StageSubmitted(job.jobId(), state.stage.id(),
          nameOf(state.stage), missing.size()));
    }
    Set<Integer> lostMaps = state.stage.isShuffleMap() ? lost.get(state.shuffleId()) : null;
    for (int p : missing) {
      if (state.running.containsKey(p)) {
        continue;
      }
      if (lostMaps != null && lostMaps.remove(p)) {
        services.listeners().partitionRecomputed(new JobListener.PartitionRecomputed(state.stage.node().id(), p,
            RecomputeCause.SHUFFLE_OUTPUT_LOST));
      }
      launch(state, p);
    }
    if (missing.isEmpty()) {
      stageDone(state);
    }
  }

  /** Places a task where {@link TaskPlacement} says: cached block owner, input host, least loaded. */
  private void launch(StageState state, int partition) {
    int attempt = state.launches.merge(partition, 1, Integer::sum) - 1;
    ActorRef<NodeSupervisor.Command> node = services.placement()
        .choose(job.jobId(), state.stage, partition, attempt, services.nodes()).node();
    state.running.put(partition, new Launch(attempt, state.attempt, node, services.mapOutputs().epoch()));
    node.tell(new NodeSupervisor.ComputePartition(job.jobId(), state.stage.id(), partition, attempt,
        state.attempt, getContext().getSelf()));
  }

  /** As Spark names stages: a result stage by the action ({@code count at App.java:9}), others by their dataset. */
  private String nameOf(Stage stage) {
    return stage.isShuffleMap() ? stage.name() : job.description();
  }

  /** True when every map output of {@code state}'s shuffle is registered. */
  private boolean available(StageState state) {
    return services.mapOutputs().isComplete(state.shuffleId(), state.stage.numPartitions());
  }

  private List<Integer> missingPartitions(StageState state) {
    if (state.stage.isShuffleMap()) {
      return services.mapOutputs().missing(state.shuffleId(), state.stage.numPartitions());
    }
    List<Integer> missing = new ArrayList<>();
    for (int p : job.partitions()) {
      if (!state.results.containsKey(p)) {
        missing.add(p);
      }
    }
    return missing;
  }

  private void stageDone(StageState state) {
    state.active = false;
    state.running.clear();
    state.failedAttempts.clear();
    services.listeners().stageCompleted(new JobListener.StageCompleted(job.jobId(), state.stage.id(),
        nameOf(state.stage), Duration.ofNanos(System.nanoTime() - state.startNanos)));
    if (!state.stage.isShuffleMap()) {
      succeed();
      return;
    }
    for (StageState s : stages.values()) {
      if (finished) {
        return;
      }
      if (waiting.contains(s.stage.id()) && s.stage.parents().stream().allMatch(p -> available(stages.get(p.id())))) {
        submitStage(s);
      }
    }
  }

  // ---------------------------------------------------------------- replies

  private Behavior<Command> onDone(PartitionDone msg) {
    services.placement().ended(job.jobId(), msg.stageId(), msg.partition(), msg.attempt());
    StageState state = stages.get(msg.stageId());
    Launch launch = current(state, msg.partition(), msg.attempt());
    if (launch == null) {
      return this;
    }
    state.running.remove(msg.partition());
    services.placement().computed(state.stage, msg.partition(), launch.node());
    if (msg.accumulators() != null && !msg.accumulators().isEmpty()) {
      services.accumulators().merge(msg.accumulators());
    }
    int done;
    int total;
    if (state.stage.isShuffleMap()) {
      long[] sizes = msg.value() instanceof long[] l ? l : new long[0];
      services.mapOutputs().registerMapOutput(state.shuffleId(), msg.partition(), launch.node(), sizes);
      total = state.stage.numPartitions();
      done = total - services.mapOutputs().missing(state.shuffleId(), total).size();
    } else {
      state.results.put(msg.partition(), msg.value());
      results.set(indexOf(msg.partition()), msg.value());
      done = state.results.size();
      total = job.partitions().length;
    }
    services.listeners().partitionCompleted(new JobListener.PartitionCompleted(job.jobId(), msg.stageId(),
        msg.partition(), msg.attempt(), done, total));
    if (state.running.isEmpty() && !waiting.contains(state.stage.id())) {
      if (missingPartitions(state).isEmpty()) {
        stageDone(state);
      } else {
        // Some of its outputs were lost while it ran, or a retry waits: run what is missing.
        submitStage(state);
      }
    }
    return finished ? Behaviors.stopped() : this;
  }

  private Behavior<Command> onFailed(PartitionFailed msg) {
    return retryOrFail(msg.stageId(), msg.partition(), msg.attempt(), () -> msg.cause());
  }

  private Behavior<Command> onLost(PartitionLost msg) {
    return retryOrFail(msg.stageId(), msg.partition(), msg.attempt(),
        () -> new KindlingException("Partition " + msg.partition() + " was lost: " + msg.reason()));
  }

  /** {@code failure} is made only when the attempt is still awaited (a stale report costs no stack trace). */
  private Behavior<Command> retryOrFail(int stageId, int partition, int attempt, Supplier<Throwable> failure) {
    services.placement().ended(job.jobId(), stageId, partition, attempt);
    StageState state = stages.get(stageId);
    if (current(state, partition, attempt) == null) {
      return this;
    }
    Throwable cause = failure.get();
    state.running.remove(partition);
    int failures = state.failures.merge(partition, 1, Integer::sum);
    boolean retry = failures < services.maxAttempts();
    services.listeners().partitionFailed(new JobListener.PartitionFailed(job.jobId(), stageId, partition,
        attempt, cause, retry));
    if (retry) {
      // A stage waiting for its parents runs the partition when it is submitted again.
      if (!waiting.contains(stageId)) {
        launch(state, partition);
      }
      return this;
    }
    fail(new JobFailedException("Job " + job.jobId() + " (" + job.description() + ") failed: partition "
        + partition + " of " + state.stage.node().describe() + " failed " + failures + " time"
        + (failures == 1 ? "" : "s") + "; last failure: " + cause, cause));
    return Behaviors.stopped();
  }

  private Behavior<Command> onFetchFailed(FetchFailed msg) {
    services.placement().ended(job.jobId(), msg.stageId(), msg.partition(), msg.attempt());
    StageState state = stages.get(msg.stageId());
    Launch launch = current(state, msg.partition(), msg.attempt());
    if (launch == null) {
      return this;
    }
    state.running.remove(msg.partition());
    FetchFailedException cause = new FetchFailedException(msg.shuffleId(),
        msg.mapPartitions().stream().mapToInt(Integer::intValue).toArray(), msg.partition());
    StageState mapStage = byShuffle.get(msg.shuffleId());
    if (mapStage == null) {
      fail(new JobFailedException("Job " + job.jobId() + " (" + job.description() + ") failed: partition "
          + msg.partition() + " of stage " + msg.stageId() + " read shuffle " + msg.shuffleId()
          + ", which no stage of the job writes", cause));
      return Behaviors.stopped();
    }
    for (int m : msg.mapPartitions()) {
      // Other tasks report the same loss, some after the output was written again: it is forgotten (and later
      // reported as recomputed) once.
      if (services.mapOutputs().unregisterMapOutput(msg.shuffleId(), m, launch.epoch())) {
        lost.computeIfAbsent(msg.shuffleId(), k -> new HashSet<>()).add(m);
      }
    }
    // Several tasks of one attempt of the stage failing count once; tasks of an older attempt don't count.
    if (launch.stageAttempt() == state.attempt) {
      state.failedAttempts.add(state.attempt);
      state.attempt++;
      state.active = false;
    }
    boolean abort = state.failedAttempts.size() >= services.maxStageAttempts();
    services.listeners().partitionFailed(new JobListener.PartitionFailed(job.jobId(), msg.stageId(),
        msg.partition(), msg.attempt(), cause, !abort));
    if (abort) {
      fail(new JobFailedException("Job " + job.jobId() + " (" + job.description() + ") aborted: stage "
          + state.stage.id() + " (" + nameOf(state.stage) + ") has failed the maximum allowable number of times: "
          + services.maxStageAttempts() + " (kindling.stage.max-consecutive-attempts), each time because map "
          + "outputs it reads were missing. Most recent failure: " + msg.reason(), cause));
      return Behaviors.stopped();
    }
    submitStage(state);
    return this;
  }

  /** The launch that {@code attempt} of {@code partition} is, when it is still the one the job waits for. */
  private Launch current(StageState state, int partition, int attempt) {
    if (finished || state == null) {
      return null;
    }
    Launch launch = state.running.get(partition);
    return launch != null && launch.attempt() == attempt ? launch : null;
  }

  private int indexOf(int partition) {
    int[] partitions = job.partitions();
    for (int i = 0; i < partitions.length; i++) {
      if (partitions[i] == partition) {
        return i;
      }
    }
    throw new IllegalArgumentException("partition " + partition + " is not computed by job " + job.jobId());
  }

  // ---------------------------------------------------------------- ending

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
    services.placement().jobEnded(job.jobId(), job.plan());
    for (ActorRef<NodeSupervisor.Command> node : services.nodes()) {
      node.tell(new NodeSupervisor.ForgetJob(job.jobId()));
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * One task in flight: its attempt number, the stage attempt that launched it, the node running it, and the map
   * output tracker's epoch when it was launched.
   */
  private record Launch(int attempt, int stageAttempt, ActorRef<NodeSupervisor.Command> node, long epoch) {}

  /** What this job knows of one of its stages. */
  private static final class StageState {
    final Stage stage;
    /** Partition → the task in flight for it. */
    final Map<Integer, Launch> running = new HashMap<>();
    /** Partition → tasks launched for it so far (the next attempt number). */
    final Map<Integer, Integer> launches = new HashMap<>();
    /** Partition → failed attempts (user errors and lost actors; not fetch failures). */
    final Map<Integer, Integer> failures = new HashMap<>();
    /** Result partition → its value (result stage only). */
    final Map<Integer, Object> results = new HashMap<>();
    /** Attempts of this stage that failed on missing map outputs since it last completed. */
    final Set<Integer> failedAttempts = new HashSet<>();
    /** The current attempt of the stage: 0, and one more each time it fails on missing map outputs. */
    int attempt;
    boolean active;
    long startNanos = System.nanoTime();

    StageState(Stage stage) {
      this.stage = stage;
    }

    int shuffleId() {
      return stage.shuffleDependency().shuffleId();
    }
  }
}
