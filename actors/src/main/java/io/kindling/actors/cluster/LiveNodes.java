package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import io.kindling.actors.driver.TaskPlacement;
import io.kindling.actors.node.NodeSupervisor;
import java.time.Duration;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's current list of worker nodes attached to its session, written by {@link ClusterView} and read
 * by job actors and the backend. Thread-safe; readers see whole snapshots.
 */
public final class LiveNodes {

  /** One worker's node for this session. */
  public record WorkerNode(String address, ActorRef<NodeSupervisor.Command> node, int cores) {}

  private static final TaskPlacement.NodeInfo UNKNOWN = new TaskPlacement.NodeInfo("", 1);

  private volatile List<WorkerNode> nodes = List.of();
  /** What placement knows of each node of {@link #nodes}, made once per list (placement asks for every task). */
  private volatile Map<ActorRef<NodeSupervisor.Command>, TaskPlacement.NodeInfo> infos = Map.of();
  private volatile ActorRef<NodeSupervisor.Command> fallback;

  /** Replaces the list (sorted by address, so placement does not depend on the order workers joined). */
  synchronized void set(List<WorkerNode> current) {
    List<WorkerNode> sorted = current.stream().sorted(Comparator.comparing(WorkerNode::address)).toList();
    Map<ActorRef<NodeSupervisor.Command>, TaskPlacement.NodeInfo> byNode = new HashMap<>();
    for (WorkerNode w : sorted) {
      byNode.putIfAbsent(w.node(), new TaskPlacement.NodeInfo(hostOf(w.address()), w.cores()));
    }
    // Before the list: whoever sees a node in the list finds its info.
    infos = Map.copyOf(byNode);
    nodes = sorted;
    notifyAll();
  }

  /** Where job actors send partitions while no worker is attached (it answers each as lost). */
  void setFallback(ActorRef<NodeSupervisor.Command> node) {
    fallback = node;
  }

  public List<WorkerNode> snapshot() {
    return nodes;
  }

  /** What placement knows of {@code node}: its worker's host and cores (one core on no host if unknown). */
  public TaskPlacement.NodeInfo info(ActorRef<NodeSupervisor.Command> node) {
    return infos.getOrDefault(node, UNKNOWN);
  }

  /**
   * The host of an Akka address ({@code akka://kindling@HOST:PORT}), or the whole text if it has none or is not
   * an address.
   */
  static String hostOf(String address) {
    try {
      scala.Option<String> host = akka.actor.AddressFromURIString.parse(address).host();
      return host.isDefined() ? host.get() : address;
    } catch (Exception e) {
      // Not only runtime exceptions: Akka (Scala) throws a MalformedURLException it does not declare.
      return address;
    }
  }

  public int size() {
    return nodes.size();
  }

  /**
   * A live view of the nodes' supervisors for {@code JobActor.Services}: its size is the current number of
   * nodes, and {@code get(i)} wraps around the current list, so an index read before a node left stays valid.
   * With no worker attached it holds one element, the fallback that answers every partition as lost.
   */
  public List<ActorRef<NodeSupervisor.Command>> supervisors() {
    return new AbstractList<>() {
      @Override
      public ActorRef<NodeSupervisor.Command> get(int index) {
        List<WorkerNode> current = nodes;
        if (current.isEmpty()) {
          if (fallback == null) {
            throw new IllegalStateException("no worker is attached to this session");
          }
          return fallback;
        }
        return current.get(Math.floorMod(index, current.size())).node();
      }

      @Override
      public int size() {
        return Math.max(1, nodes.size());
      }
    };
  }

  /** Waits until at least {@code count} nodes are attached; false when {@code timeout} passed first. */
  public synchronized boolean awaitAtLeast(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (nodes.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
