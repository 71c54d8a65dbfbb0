package io.kindling.actors.driver;

import akka.actor.typed.ActorRef;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.OneToOneDependency;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The first rule of placement: a partition goes to the node that holds its cached block. When a node computes
 * partition {@code p} of a stage, the persisted datasets its pipeline passes through one-to-one are cached there
 * (partition {@code p} of each); the next stage that reads one of them is sent there first. A block that was
 * evicted meanwhile is computed again on that node, as it would be anywhere. Thread-safe: job actors and the
 * cluster view (which forgets a node that leaves) share it.
 */
public final class CachePlacement {
  private final IntFunction<StorageLevel> levelOf;
  private final Map<Long, ActorRef<NodeSupervisor.Command>> owners = new ConcurrentHashMap<>();

  /** {@code levelOf} gives a dataset's storage level, {@code NONE} when it is not persisted. */
  public CachePlacement(IntFunction<StorageLevel> levelOf) {
    this.levelOf = levelOf;
  }

  /** For a single node, where there is nothing to choose. */
  public static CachePlacement none() {
    return new CachePlacement(id -> StorageLevel.NONE);
  }

  /** The node holding a cached block partition {@code partition} of {@code stage} reads, if it is one of {@code nodes}. */
  public Optional<ActorRef<NodeSupervisor.Command>> preferred(Stage stage, int partition,
      List<ActorRef<NodeSupervisor.Command>> nodes) {
    for (int rddId : persistedChain(stage.node())) {
      ActorRef<NodeSupervisor.Command> owner = owners.get(key(rddId, partition));
      if (owner != null && nodes.contains(owner)) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }

  /** Partition {@code partition} of {@code stage} was computed on {@code node}: its cached blocks are there now. */
  public void computed(Stage stage, int partition, ActorRef<NodeSupervisor.Command> node) {
    if (node == null) {
      return;
    }
    for (int rddId : persistedChain(stage.node())) {
      owners.put(key(rddId, partition), node);
    }
  }

  /** The cached block of {@code partition} of dataset {@code rddId} now lives on {@code node}. */
  public void moved(int rddId, int partition, ActorRef<NodeSupervisor.Command> node) {
    owners.put(key(rddId, partition), node);
  }

  /** The cached blocks each node holds, as {@code {rddId, partition}} pairs. */
  public Map<ActorRef<NodeSupervisor.Command>, List<int[]>> blocksByNode() {
    Map<ActorRef<NodeSupervisor.Command>, List<int[]>> byNode = new java.util.HashMap<>();
    owners.forEach((key, node) -> byNode.computeIfAbsent(node, n -> new ArrayList<>())
        .add(new int[] {(int) (key >>> 32), (int) (long) key}));
    return byNode;
  }

  /** {@code node} left: its blocks are gone. */
  public void removeNode(ActorRef<NodeSupervisor.Command> node) {
    owners.values().removeIf(node::equals);
  }

  /** Dataset {@code rddId} was unpersisted. */
  public void forget(int rddId) {
    owners.keySet().removeIf(k -> (int) (k >>> 32) == rddId);
  }

  /** The persisted datasets partition {@code p} of {@code node} computes as partition {@code p}, nearest first. */
  private List<Integer> persistedChain(LineageNode<?> node) {
    List<Integer> chain = new ArrayList<>();
    LineageNode<?> current = node;
    while (current != null) {
      if (levelOf.apply(current.id()) != StorageLevel.NONE) {
        chain.add(current.id());
      }
      List<Dependency> deps = current.dependencies();
      current = deps.size() == 1 && deps.get(0) instanceof OneToOneDependency one ? one.parent() : null;
    }
    return chain;
  }

  private static long key(int rddId, int partition) {
    return ((long) rddId << 32) | (partition & 0xffffffffL);
  }
}
