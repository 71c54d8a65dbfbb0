package io.kindling.chaos;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import io.kindling.internal.SessionContext;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.rdd.RDD;
import io.kindling.spi.FaultInjection;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Injects faults into a running session, for resilience tests and for user code (from {@code session.faults()}).
 * Each call arms a fault that fires the next time the named work runs, or at once for what already exists (a
 * cached block, the actor that owns it). Whatever is injected, jobs still finish with the answer of a fault-free
 * run; every fault that fires, and every recovery, is reported to the session's {@code JobListener}s and counted
 * in {@code session.metrics()}.
 */
public final class Faults {
  private final SessionContext session;

  /** Internal: made by the session. */
  public Faults(SessionContext session) {
    this.session = requireNonNull(session, "session is null");
  }

  /**
   * The actor owning {@code partition} of {@code rdd} dies as if it crashed: the owner of its cached block at
   * once (its supervisor restarts it, and the new incarnation checks or recomputes the block), otherwise the
   * next actor that computes the partition.
   */
  public void killPartitionActor(RDD<?> rdd, int partition) {
    inject(new FaultRequest.KillPartitionActor(check(rdd, partition), partition));
  }

  /** The cached block of {@code partition} of {@code rdd} disappears (at once, or when it is next cached). */
  public void dropCachedBlock(RDD<?> rdd, int partition) {
    inject(new FaultRequest.DropCachedBlock(check(rdd, partition), partition));
  }

  /** The cached block of {@code partition} of {@code rdd} fails its checksum from now on (or once cached). */
  public void corruptCachedBlock(RDD<?> rdd, int partition) {
    inject(new FaultRequest.CorruptCachedBlock(check(rdd, partition), partition));
  }

  /**
   * Map output {@code mapPartition} of the shuffle feeding {@code shuffled} disappears (of every shuffle feeding
   * it, for a dataset made from several, such as a join); the lost map partitions are run again when read.
   */
  public void dropShuffleOutput(RDD<?> shuffled, int mapPartition) {
    requireSession(shuffled);
    List<ShuffleDependency<?, ?, ?>> shuffles = shufflesFeeding(shuffled.lineage());
    if (shuffles.isEmpty()) {
      throw new IllegalArgumentException(shuffled + " is not made by a shuffle: dropShuffleOutput needs a "
          + "dataset such as the result of reduceByKey, groupByKey, join or partitionBy");
    }
    for (ShuffleDependency<?, ?, ?> s : shuffles) {
      int maps = s.parent().numPartitions();
      if (mapPartition < 0 || mapPartition >= maps) {
        throw new IllegalArgumentException("map partition " + mapPartition + " out of range: the shuffle feeding "
            + shuffled + " has " + maps + " map partitions");
      }
    }
    for (ShuffleDependency<?, ?, ?> s : shuffles) {
      inject(new FaultRequest.DropShuffleOutput(shuffled.id(), s.shuffleId(), mapPartition));
    }
  }

  /** The next {@code attempts} attempts that compute {@code partition} of {@code rdd} throw. */
  public void failAttempts(RDD<?> rdd, int partition, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive: " + attempts);
    }
    inject(new FaultRequest.FailAttempts(check(rdd, partition), partition, attempts));
  }

  /** The next computation of {@code partition} of {@code rdd} waits {@code d} first. */
  public void delay(RDD<?> rdd, int partition, Duration d) {
    requireNonNull(d, "d is null");
    if (d.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + d);
    }
    inject(new FaultRequest.Delay(check(rdd, partition), partition, d));
  }

  /**
   * Kills the worker JVM at {@code address} ({@code HOST:PORT} or {@code akka://kindling@HOST:PORT}) at once, as
   * {@code kill -9} would: its partitions, map outputs and cached blocks are lost, and recomputed from lineage.
   * Cluster mode only.
   */
  public void killNode(String address) {
    requireNonNull(address, "address is null");
    nodeFaults("killNode(" + address + ")").killNode(address);
  }

  /**
   * Cuts the network link between members {@code a} and {@code b} (addresses as for {@link #killNode}), both
   * ways; the cluster's split brain resolver then downs what it must. Cluster mode only, with
   * {@code kindling.cluster.network-faults = on} on every member.
   */
  public void partitionNetwork(String a, String b) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    nodeFaults("partitionNetwork(" + a + ", " + b + ")").partitionNetwork(a, b);
  }

  /**
   * Slows the network link between members {@code a} and {@code b} (addresses as for {@link #killNode}; the
   * driver's is {@code ClusterSession.memberAddress()}): the work crossing it — tasks and their results, shuffle
   * chunks — arrives {@code delay} late, both ways, in order. Cluster heartbeats are not slowed, so the members
   * stay up: jobs finish with the same answer, later. Until {@link #healNetwork()}. Cluster mode only.
   */
  public void delayNetwork(String a, String b, Duration delay) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    requireNonNull(delay, "delay is null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    nodeFaults("delayNetwork(" + a + ", " + b + ", " + delay + ")").delayNetwork(a, b, delay);
  }

  /** Restores every cut or slowed link. Cluster mode only. */
  public void healNetwork() {
    nodeFaults("healNetwork()").healNetwork();
  }

  private FaultInjection nodeFaults(String call) {
    FaultInjection faults = session.backend("faults()." + call).faults();
    if (!faults.supportsNodeFaults()) {
      throw needsCluster(call);
    }
    return faults;
  }

  /**
   * Adds random faults of every kind to every later job, replayable from the schedule's seed (replaces an
   * earlier schedule).
   */
  public void schedule(FaultSchedule s) {
    requireNonNull(s, "schedule is null");
    session.backend("faults().schedule").faults().schedule(s);
  }

  /** Disarms every armed fault and the random schedule. */
  public void clear() {
    session.backend("faults().clear").faults().clear();
  }

  private void inject(FaultRequest request) {
    session.backend("faults()").faults().inject(request);
  }

  private int check(RDD<?> rdd, int partition) {
    requireSession(rdd);
    if (partition < 0 || partition >= rdd.getNumPartitions()) {
      throw new IllegalArgumentException("partition " + partition + " out of range: " + rdd + " has "
          + rdd.getNumPartitions() + " partitions");
    }
    return rdd.id();
  }

  private void requireSession(RDD<?> rdd) {
    requireNonNull(rdd, "rdd is null");
    if (rdd.sessionContext() != session) {
      throw new IllegalArgumentException(rdd + " belongs to another session");
    }
  }

  private KindlingException needsCluster(String call) {
    return new KindlingException(call + " needs cluster mode: this session runs in one JVM (master '"
        + session.settings().master() + "'); start it with master \"cluster\" to kill nodes or cut links");
  }

  /** The shuffles read by {@code node}'s own stage (reachable through narrow dependencies only). */
  private static List<ShuffleDependency<?, ?, ?>> shufflesFeeding(LineageNode<?> node) {
    List<ShuffleDependency<?, ?, ?>> found = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Deque<LineageNode<?>> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      LineageNode<?> current = todo.pop();
      if (!seen.add(current.id())) {
        continue;
      }
      for (Dependency d : current.dependencies()) {
        if (d instanceof ShuffleDependency<?, ?, ?> s) {
          found.add(s);
        } else {
          todo.push(d.parent());
        }
      }
    }
    return found;
  }
}
