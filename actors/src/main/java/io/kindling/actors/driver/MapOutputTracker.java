package io.kindling.actors.driver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The driver's record of the map outputs of every shuffle: for each map partition whose output exists, the node
 * that holds it and the bytes it wrote per reduce partition. A job runs only the map partitions missing here, so
 * a later job reuses a shuffle's outputs; an output a reduce task found gone is unregistered, and the job runs
 * that map partition again. Thread-safe: every job of a session uses it.
 */
public final class MapOutputTracker {
  private final Map<Integer, Map<Integer, MapStatus>> shuffles = new ConcurrentHashMap<>();

  /** Where one map output lives, and its bytes for each reduce partition. */
  public record MapStatus(String node, long[] sizes) {
    public MapStatus {
      requireNonNull(node, "node is null");
      sizes = sizes.clone();
    }
  }

  /** Records that map partition {@code mapPartition} of {@code shuffleId} was written (replacing an older one). */
  public void registerMapOutput(int shuffleId, int mapPartition, MapStatus status) {
    requireNonNull(status, "status is null");
    shuffles.computeIfAbsent(shuffleId, k -> new ConcurrentHashMap<>()).put(mapPartition, status);
  }

  /** Forgets one map output (it was lost); false when it was not registered. */
  public boolean unregisterMapOutput(int shuffleId, int mapPartition) {
    Map<Integer, MapStatus> maps = shuffles.get(shuffleId);
    return maps != null && maps.remove(mapPartition) != null;
  }

  /** The map partitions {@code 0 .. numMaps-1} of {@code shuffleId} with no registered output, ascending. */
  public List<Integer> missing(int shuffleId, int numMaps) {
    Map<Integer, MapStatus> maps = shuffles.getOrDefault(shuffleId, Map.of());
    return IntStream.range(0, numMaps).filter(m -> !maps.containsKey(m)).boxed().toList();
  }

  /** True when every map output {@code 0 .. numMaps-1} of {@code shuffleId} is registered. */
  public boolean isComplete(int shuffleId, int numMaps) {
    Map<Integer, MapStatus> maps = shuffles.getOrDefault(shuffleId, Map.of());
    for (int m = 0; m < numMaps; m++) {
      if (!maps.containsKey(m)) {
        return false;
      }
    }
    return true;
  }

  /** Where map output {@code mapPartition} of {@code shuffleId} is, if it is registered. */
  public Optional<MapStatus> status(int shuffleId, int mapPartition) {
    return Optional.ofNullable(shuffles.getOrDefault(shuffleId, Map.of()).get(mapPartition));
  }

  /**
   * Forgets every map output held by {@code node} (it left or was lost); returns, per shuffle, the map partitions
   * that went with it.
   */
  public Map<Integer, List<Integer>> unregisterNode(String node) {
    Map<Integer, List<Integer>> lost = new TreeMap<>();
    shuffles.forEach((shuffleId, maps) -> maps.forEach((map, status) -> {
      if (status.node().equals(node) && maps.remove(map, status)) {
        lost.computeIfAbsent(shuffleId, k -> new ArrayList<>()).add(map);
      }
    }));
    lost.values().forEach(maps -> maps.sort(null));
    return lost;
  }

  /** Forgets a whole shuffle (its outputs were removed). */
  public void unregister(int shuffleId) {
    shuffles.remove(shuffleId);
  }
}
