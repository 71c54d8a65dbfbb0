package io.kindling.engine.fault;

import static java.util.Objects.requireNonNull;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingException;
import io.kindling.chaos.FaultKind;
import io.kindling.chaos.FaultSchedule;
import io.kindling.chaos.InjectedFaultException;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.BlockManager;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults armed on one node and the random schedule, fired where the work they target runs. Explicit faults
 * fire once each (a {@code failAttempts(n)} fault n times); a schedule's faults are drawn per opportunity from its
 * seed, and only where they are sure to be recovered from: an attempt is failed only when another is allowed
 * after it, and only an actor's first incarnation is killed. Thread-safe: compute threads and the node's
 * supervisor use it at once.
 */
public final class NodeFaults {
  private static final int TASK_START = 1;
  private static final int BLOCK_READ = 2;
  private static final int DELAY_LENGTH = 3;
  private static final int SHUFFLE_READ = 4;

  private final NodeEvents events;
  private final int maxAttempts;
  private final Map<BlockId, Integer> failures = new ConcurrentHashMap<>();
  private final Map<BlockId, Duration> delays = new ConcurrentHashMap<>();
  private final Set<BlockId> kills = ConcurrentHashMap.newKeySet();
  private final Set<BlockId> drops = ConcurrentHashMap.newKeySet();
  private final Set<BlockId> corruptions = ConcurrentHashMap.newKeySet();
  private volatile FaultSchedule schedule;

  public NodeFaults(NodeEvents events, int maxAttempts) {
    this.events = requireNonNull(events, "events is null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** No faults, nothing reported. */
  public static NodeFaults none() {
    return new NodeFaults(NodeEvents.NONE, 1);
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
    } else {
      throw new KindlingException(request.kind() + " is not armed per partition: " + request);
    }
  }

  /** Follows {@code s} from now on (replacing an earlier schedule). */
  public void schedule(FaultSchedule s) {
    this.schedule = requireNonNull(s, "schedule is null");
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
   * The map outputs of a shuffle are about to be read by reduce partition {@code reducePartition}: true when the
   * schedule drops map output {@code mapPartition} for this opportunity.
   */
  public boolean dropsShuffleOutput(long jobId, int stageId, int shuffleId, int reducePartition, int attempt,
      int mapPartition) {
    FaultSchedule s = schedule;
    return s != null && jobId >= 0 && attempt < maxAttempts - 1
        && s.draw(SHUFFLE_READ, jobId, stageId, shuffleId, reducePartition, attempt, mapPartition) < s.rate() / 4;
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
}
