package io.kindling.actors.driver;

import akka.actor.typed.ActorRef;
import io.kindling.actors.node.NodeSupervisor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's record of the map outputs of its session's shuffles: for each map partition, the node that wrote
 * it and the bytes it wrote per reduce partition. A later job reuses a complete shuffle instead of running its
 * map stage again, and runs only the map partitions whose outputs were lost (their node left the cluster).
 * Thread-safe: job actors and the cluster view share it.
 */
public final class MapOutputTracker {

  /** Where one map output is and its bytes per reduce partition. */
  public record MapOutput(ActorRef<NodeSupervisor.Command> node, long[] sizes) {}

  private final Map<Integer, Shuffle> shuffles = new ConcurrentHashMap<>();

  private static final class Shuffle {
    final MapOutput[] outputs;

    Shuffle(int numMaps) {
      outputs = new MapOutput[numMaps];
    }
  }

  /** Records that map partition {@code map} of {@code shuffleId} (of {@code numMaps}) was written on {@code node}. */
  public void registerMapOutput(int shuffleId, int numMaps, int map, ActorRef<NodeSupervisor.Command> node,
      long[] sizes) {
    Shuffle s = shuffles.computeIfAbsent(shuffleId, id -> new Shuffle(numMaps));
    synchronized (s) {
      s.outputs[map] = new MapOutput(node, sizes == null ? new long[0] : sizes);
    }
  }

  /** True when every map output of {@code shuffleId} is known to exist. */
  public boolean isComplete(int shuffleId) {
    Shuffle s = shuffles.get(shuffleId);
    if (s == null) {
      return false;
    }
    synchronized (s) {
      for (MapOutput o : s.outputs) {
        if (o == null) {
          return false;
        }
      }
      return true;
    }
  }

  /** The map partitions of {@code shuffleId} (of {@code numMaps}) with no known output, ascending. */
  public int[] missing(int shuffleId, int numMaps) {
    Shuffle s = shuffles.get(shuffleId);
    if (s == null) {
      return java.util.stream.IntStream.range(0, numMaps).toArray();
    }
    synchronized (s) {
      List<Integer> missing = new ArrayList<>();
      for (int m = 0; m < s.outputs.length; m++) {
        if (s.outputs[m] == null) {
          missing.add(m);
        }
      }
      return missing.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Where map output {@code map} of {@code shuffleId} is, if it is known. */
  public Optional<MapOutput> output(int shuffleId, int map) {
    Shuffle s = shuffles.get(shuffleId);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return map < s.outputs.length ? Optional.ofNullable(s.outputs[map]) : Optional.empty();
    }
  }

  /** Map output {@code map} of {@code shuffleId} now lives on {@code node} (moved there by a leaving node). */
  public void moveOutput(int shuffleId, int map, ActorRef<NodeSupervisor.Command> node, long[] sizes) {
    Shuffle s = shuffles.get(shuffleId);
    if (s != null) {
      synchronized (s) {
        if (map < s.outputs.length) {
          s.outputs[map] = new MapOutput(node, sizes);
        }
      }
    }
  }

  /** Forgets one map output (a reduce task could not fetch it). */
  public void removeOutput(int shuffleId, int map) {
    Shuffle s = shuffles.get(shuffleId);
    if (s != null) {
      synchronized (s) {
        if (map < s.outputs.length) {
          s.outputs[map] = null;
        }
      }
    }
  }

  /** Forgets every output written on {@code node} (it left the cluster); returns the shuffles that lost some. */
  public Set<Integer> removeOutputsOn(ActorRef<NodeSupervisor.Command> node) {
    Set<Integer> affected = new HashSet<>();
    shuffles.forEach((id, s) -> {
      synchronized (s) {
        for (int m = 0; m < s.outputs.length; m++) {
          if (s.outputs[m] != null && s.outputs[m].node().equals(node)) {
            s.outputs[m] = null;
            affected.add(id);
          }
        }
      }
    });
    return affected;
  }

  /** Forgets a shuffle whose outputs were removed. */
  public void unregister(int shuffleId) {
    shuffles.remove(shuffleId);
  }
}
