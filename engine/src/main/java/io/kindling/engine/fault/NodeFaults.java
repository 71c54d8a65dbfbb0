package io.kindling.engine.fault;

import static java.util.Objects.requireNonNull;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingException;
import io.kindling.chaos.FaultKind;
import io.kindling.chaos.FaultSchedule;
import io.kindling.chaos.InjectedFaultException;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.BlockManager;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The faults armed on one node and the random schedule, fired where the work they target runs. Explicit faults
 * fire once each (a {@code failAttempts(n)} fault n times); a schedule's faults are drawn per opportunity from its
 * seed, and only where they are sure to be recovered from: an attempt is failed only when another is allowed
 * after it, only an actor's first incarnation is killed, and shuffle outputs are dropped at one read per stage of a
 * job (so the stage fails on missing outputs once, well within its attempts). Thread-safe: compute threads and the
 * node's supervisor use it at once.
 */
public final class NodeFaults {
  private static final int TASK_START = 1;
  private static final int BLOCK_READ = 2;
  private static final int DELAY_LENGTH = 3;
  private static final int SHUFFLE_READ = 4;

  private final NodeEvents events;
  private final int maxAttempts;
  private final int maxStageAttempts;
  private final Map<BlockId, Integer> failures = new ConcurrentHashMap<>();
  private final Map<BlockId, Duration> delays = new ConcurrentHashMap<>();
  private final Set<BlockId> kills = ConcurrentHashMap.newKeySet();
  private final Set<BlockId> drops = ConcurrentHashMap.newKeySet();
  private final Set<BlockId> corruptions = ConcurrentHashMap.newKeySet();
  /** Armed drops of map outputs, each with the dataset the fault was asked for (the shuffled one). */
  private final Map<MapOutputId, Integer> shuffleDrops = new ConcurrentHashMap<>();
  /** The stages of jobs in which the schedule dropped shuffle outputs. */
  private final Set<StageOfJob> shuffleDropStages = ConcurrentHashMap.newKeySet();
  private volatile FaultSchedule schedule;

  /**
   * {@code maxAttempts}: attempts of a partition before its job fails ({@code kindling.task.max-attempts});
   * {@code maxStageAttempts}: consecutive attempts of a stage that may fail on missing shuffle outputs
   * ({@code kindling.stage.max-consecutive-attempts}).
   */
  public NodeFaults(NodeEvents events, int maxAttempts, int maxStageAttempts) {
    this.events = requireNonNull(events, "events is null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
    }
    if (maxStageAttempts < 1) {
      throw new IllegalArgumentException("maxStageAttempts must be positive: " + maxStageAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.maxStageAttempts = maxStageAttempts;
  }

  /** No faults, nothing reported. */
  public static NodeFaults none() {
    return new NodeFaults(NodeEvents.NONE, 1, 1);
  }

  public NodeEvents events() {
    return events;
  }

  // ---------------------------------------------------------------- arming

  /** Arms {@code request} to fire the next time its work runs. */
  public void arm(FaultRequest request) {
    BlockId id = new BlockId(request.rddId(), request.partition());
    if (request instanceof FaultRequest.KillPartitionActor) {
      kills.add(id);
    } else if (request instanceof FaultRequest.DropCachedBlock) {
      drops.add(id);
    } else if (request instanceof FaultRequest.CorruptCachedBlock) {
      corruptions.add(id);
    } else if (request instanceof FaultRequest.FailAttempts f) {
      failures.merge(id, f.attempts(), Integer::sum);
    } else if (request instanceof FaultRequest.Delay d) {
      delays.put(id, d.delay());
    } else if (request instanceof FaultRequest.DropShuffleOutput d) {
      shuffleDrops.put(new MapOutputId(d.shuffleId(), d.partition()), d.rddId());
    } else {
      throw new KindlingException(request.kind() + " is not armed per partition: " + request);
    }
  }

  /** Follows {@code s} from now on (replacing an earlier schedule). */
  public void schedule(FaultSchedule s) {
    this.schedule = requireNonNull(s, "schedule is null");
    shuffleDropStages.clear();
  }

  /** The random schedule, or null. */
  public FaultSchedule schedule() {
    return schedule;
  }

  /** Disarms everything. */
  public void clear() {
    schedule = null;
    failures.clear();
    delays.clear();
    kills.clear();
    drops.clear();
    corruptions.clear();
    shuffleDrops.clear();
    shuffleDropStages.clear();
  }

  // ---------------------------------------------------------------- firing

  /**
   * A task attempt (or a block owner's recovery, with {@code jobId} negative) is about to compute partition
   * {@code partition} of dataset {@code rddId}: fires the armed delay, failure or kill of that partition.
   * {@code crashActor} crashes the actor running the computation.
   */
  public void beforeCompute(int rddId, int partition, Runnable crashActor) {
    if (delays.isEmpty() && failures.isEmpty() && kills.isEmpty()) {
      return;
    }
    BlockId id = new BlockId(rddId, partition);
    Duration delay = delays.remove(id);
    if (delay != null) {
      events.faultInjected(FaultKind.DELAY, rddId, partition, "delayed by " + delay.toMillis() + " ms");
      sleep(delay.toMillis());
    }
    if (takeFailure(id)) {
      events.faultInjected(FaultKind.FAIL_ATTEMPT, rddId, partition, "attempt failed on purpose");
      throw new InjectedFaultException("Injected failure of partition " + partition + " of dataset " + rddId
          + " (session.faults().failAttempts)");
    }
    if (crashActor != null && kills.remove(id)) {
      kill(rddId, partition, crashActor, "partition actor killed while computing the partition");
    }
  }

  /** Uses up one armed failure of {@code id}; false when none is left. */
  private boolean takeFailure(BlockId id) {
    boolean[] taken = {false};
    failures.computeIfPresent(id, (k, n) -> {
      taken[0] = true;
      return n > 1 ? n - 1 : null;
    });
    return taken[0];
  }

  /**
   * A task attempt starts on partition {@code partition} of its stage, whose last dataset is {@code rddId}:
   * fires the schedule's fault for this opportunity, if any.
   */
  public void onTaskStart(long jobId, int stageId, int rddId, int partition, int attempt, int incarnation,
      Runnable crashActor) {
    FaultSchedule s = schedule;
    if (s == null || jobId < 0) {
      return;
    }
    double u = s.draw(TASK_START, jobId, stageId, partition, attempt, incarnation);
    if (u >= s.rate()) {
      return;
    }
    String by = "by " + s;
    switch ((int) (u / s.rate() * 3)) {
      case 0 -> {
        if (attempt < maxAttempts - 1) {
          events.faultInjected(FaultKind.FAIL_ATTEMPT, rddId, partition, "attempt " + attempt + " failed " + by);
          throw new InjectedFaultException("Injected failure of attempt " + attempt + " of partition " + partition
              + " of dataset " + rddId + " (" + s + ")");
        }
      }
      case 1 -> {
        if (incarnation == 0 && crashActor != null) {
          kill(rddId, partition, crashActor, "partition actor killed " + by);
        }
      }
      default -> {
        long millis = 1 + (long) (s.draw(DELAY_LENGTH, jobId, stageId, partition, attempt) * 20);
        events.faultInjected(FaultKind.DELAY, rddId, partition, "delayed by " + millis + " ms " + by);
        sleep(millis);
      }
    }
  }

  /**
   * Block {@code id}, present on this node, is about to be read by a task attempt: fires the armed drop or
   * corruption of the block, or the schedule's fault for this opportunity (drop, corrupt, or kill its owner).
   */
  public void onBlockRead(BlockId id, long jobId, int stageId, int attempt, BlockManager blocks) {
    if (drops.remove(id)) {
      dropBlock(id, blocks, "cached block dropped");
    }
    if (corruptions.remove(id)) {
      corruptBlock(id, blocks, "cached block corrupted");
    }
    FaultSchedule s = schedule;
    if (s == null || jobId < 0 || !blocks.contains(id)) {
      return;
    }
    double u = s.draw(BLOCK_READ, jobId, stageId, id.rddId(), id.partition(), attempt);
    if (u >= s.rate()) {
      return;
    }
    String by = "by " + s;
    switch ((int) (u / s.rate() * 3)) {
      case 0 -> dropBlock(id, blocks, "cached block dropped " + by);
      case 1 -> corruptBlock(id, blocks, "cached block corrupted " + by);
      default -> {
        events.faultInjected(FaultKind.KILL_PARTITION_ACTOR, id.rddId(), id.partition(),
            "owner of cached block " + id + " killed " + by);
        blocks.crashOwner(id);
      }
    }
  }

  /**
   * Reduce partition {@code reducePartition} of a task attempt (launched by attempt {@code stageAttempt} of its
   * stage) is about to read the {@code numMaps} map outputs of shuffle {@code shuffleId}: fires the armed drops
   * of those outputs that are here, then the schedule's drops for this opportunity. {@code reader} gives the id
   * of the dataset that reads the shuffle, for the report.
   */
  public void onShuffleRead(long jobId, int stageId, int stageAttempt, int attempt, int shuffleId, int numMaps,
      int reducePartition, IntSupplier reader, ShuffleService shuffle) {
    for (int m = 0; m < numMaps && !shuffleDrops.isEmpty(); m++) {
      MapOutputId id = new MapOutputId(shuffleId, m);
      Integer rddId = shuffleDrops.remove(id);
      if (rddId != null && !dropShuffleOutput(rddId, shuffleId, m, shuffle, " (session.faults().dropShuffleOutput)")) {
        // Not here (yet): it stays armed for a later read.
        shuffleDrops.putIfAbsent(id, rddId);
      }
    }
    FaultSchedule s = schedule;
    if (s == null || jobId < 0 || stageAttempt >= maxStageAttempts - 1) {
      return;
    }
    List<Integer> chosen = new ArrayList<>();
    for (int m = 0; m < numMaps; m++) {
      if (s.draw(SHUFFLE_READ, jobId, stageId, shuffleId, reducePartition, attempt, m) < s.rate() / 4) {
        chosen.add(m);
      }
    }
    // One read per stage of a job loses outputs: the stage then fails on missing outputs once, never up to its
    // limit, even when tasks of its earlier attempts are still running.
    if (!chosen.isEmpty() && shuffleDropStages.add(new StageOfJob(jobId, stageId))) {
      int readerId = reader.getAsInt();
      for (int m : chosen) {
        dropShuffleOutput(readerId, shuffleId, m, shuffle, " by " + s);
      }
    }
  }

  /**
   * Drops the output of map partition {@code mapPartition} of shuffle {@code shuffleId}, which feeds dataset
   * {@code rddId}, now; false when it is not here.
   */
  public boolean dropShuffleOutput(int rddId, int shuffleId, int mapPartition, ShuffleService shuffle,
      String detail) {
    if (shuffle.dropMapOutput(shuffleId, mapPartition)) {
      events.faultInjected(FaultKind.DROP_SHUFFLE_OUTPUT, rddId, mapPartition, "output of map partition "
          + mapPartition + " of shuffle " + shuffleId + " dropped" + detail);
      return true;
    }
    return false;
  }

  /** Drops block {@code id} now (an explicit fault on an existing block); false when there is none. */
  public boolean dropBlock(BlockId id, BlockManager blocks, String detail) {
    if (blocks.drop(id, RecomputeCause.BLOCK_LOST, true)) {
      events.faultInjected(FaultKind.DROP_CACHED_BLOCK, id.rddId(), id.partition(), detail);
      return true;
    }
    return false;
  }

  /** Corrupts block {@code id} now (an explicit fault on an existing block); false when there is none. */
  public boolean corruptBlock(BlockId id, BlockManager blocks, String detail) {
    if (blocks.corrupt(id)) {
      events.faultInjected(FaultKind.CORRUPT_CACHED_BLOCK, id.rddId(), id.partition(), detail);
      return true;
    }
    return false;
  }

  private void kill(int rddId, int partition, Runnable crashActor, String detail) {
    events.faultInjected(FaultKind.KILL_PARTITION_ACTOR, rddId, partition, detail);
    crashActor.run();
    throw new ActorKilledException("partition " + partition + " of dataset " + rddId + ": " + detail);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted during an injected delay", e);
    }
  }

  /** One map output of one shuffle. */
  private record MapOutputId(int shuffleId, int mapPartition) {}

  /** One stage of one job. */
  private record StageOfJob(long jobId, int stageId) {}
}
