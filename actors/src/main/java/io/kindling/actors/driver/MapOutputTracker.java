package io.kindling.actors.driver;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import io.kindling.actors.node.NodeSupervisor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The driver's record of the map outputs of every shuffle: for each map partition whose output exists, the node
 * that holds it and the bytes it wrote per reduce partition. A job runs only the map partitions missing here, so
 * a later job reuses a shuffle's outputs; an output a reduce task found gone is unregistered, and the job runs
 * that map partition again. Thread-safe: every job of a session uses it.
 */
public final class MapOutputTracker {
  private final Map<Integer, Map<Integer, MapOutput>> shuffles = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  /**
   * Where one map output lives, its bytes for each reduce partition, and the {@link #epoch()} at which it was
   * registered.
   */
  public record MapOutput(ActorRef<NodeSupervisor.Command> node, long[] sizes, long epoch) {
    public MapOutput {
      requireNonNull(node, "node is null");
      sizes = sizes.clone();
    }
  }

  /** Grows with every registration: a task launched at epoch e has seen every output registered up to e. */
  public long epoch() {
    return epoch.get();
  }

  /**
   * Records that map partition {@code mapPartition} of {@code shuffleId} was written on {@code node} (replacing
   * an older output); returns its status.
   */
  public MapOutput registerMapOutput(int shuffleId, int mapPartition, ActorRef<NodeSupervisor.Command> node,
      long[] sizes) {
    MapOutput status = new MapOutput(node, sizes, epoch.incrementAndGet());
    shuffles.computeIfAbsent(shuffleId, k -> new ConcurrentHashMap<>()).put(mapPartition, status);
    return status;
  }

  /**
   * Forgets one map output that a task launched at {@code seenAt} (an {@link #epoch()}) found missing; an output
   * registered after that task was launched is newer than what it saw, and stays. False when nothing was
   * forgotten.
   */
  public boolean unregisterMapOutput(int shuffleId, int mapPartition, long seenAt) {
    Map<Integer, MapOutput> maps = shuffles.get(shuffleId);
    MapOutput status = maps == null ? null : maps.get(mapPartition);
    return status != null && status.epoch() <= seenAt && maps.remove(mapPartition, status);
  }

  /** The map partitions {@code 0 .. numMaps-1} of {@code shuffleId} with no registered output, ascending. */
  public List<Integer> missing(int shuffleId, int numMaps) {
    Map<Integer, MapOutput> maps = shuffles.getOrDefault(shuffleId, Map.of());
    return IntStream.range(0, numMaps).filter(m -> !maps.containsKey(m)).boxed().toList();
  }

  /** True when every map output {@code 0 .. numMaps-1} of {@code shuffleId} is registered. */
  public boolean isComplete(int shuffleId, int numMaps) {
    Map<Integer, MapOutput> maps = shuffles.getOrDefault(shuffleId, Map.of());
    for (int m = 0; m < numMaps; m++) {
      if (!maps.containsKey(m)) {
        return false;
      }
    }
    return true;
  }

  /** Where map output {@code mapPartition} of {@code shuffleId} is, if it is registered. */
  public Optional<MapOutput> output(int shuffleId, int mapPartition) {
    return Optional.ofNullable(shuffles.getOrDefault(shuffleId, Map.of()).get(mapPartition));
  }

  /** Forgets every map output held by {@code node} (it left or was lost); returns the shuffles that lost some. */
  public Set<Integer> removeOutputsOn(ActorRef<NodeSupervisor.Command> node) {
    Set<Integer> affected = new TreeSet<>();
    shuffles.forEach((shuffleId, maps) -> maps.forEach((map, output) -> {
      if (output.node().equals(node) && maps.remove(map, output)) {
        affected.add(shuffleId);
      }
    }));
    return affected;
  }

  /** Forgets a whole shuffle (its outputs were removed). */
  public void unregister(int shuffleId) {
    shuffles.remove(shuffleId);
  }
}
