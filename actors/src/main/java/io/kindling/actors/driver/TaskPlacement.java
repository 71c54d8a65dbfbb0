package io.kindling.actors.driver;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.NarrowDependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where each task goes, in Spark's order of preference:
 * <ol>
 *   <li>the node holding a cached block the partition reads ({@link CachePlacement});</li>
 *   <li>a node on a host that holds the partition's input ({@code preferredLocations} of the first dataset up its
 *       narrow lineage that names hosts, such as the HDFS block hosts of a {@code textFile} split), the least
 *       loaded of them, unless all of those are busy (as many tasks as cores) while another node has a free
 *       core: then it does not wait for them, as Spark would not after its locality wait;</li>
 *   <li>the least loaded node: the fewest running tasks per core, ties going to the node after the previous
 *       choice, so that partitions spread.</li>
 * </ol>
 * A retry goes to the least loaded node other than the one the failed attempt ran on, when there is another.
 *
 * <p>Load counts every task in flight from every job of the session. Input hosts are read when a job is
 * submitted ({@link #prepare}), on the caller's thread, since reading them may ask a file system. Thread-safe:
 * job actors, the cluster view and the session's caller threads share it. With one node (local mode) there is
 * nothing to choose and nothing is recorded.
 */
public final class TaskPlacement {

  /** What placement knows of a node: the host it runs on and the partitions it computes at once. */
  public record NodeInfo(String host, int cores) {
    public NodeInfo {
      requireNonNull(host, "host is null");
      cores = Math.max(1, cores);
    }
  }

  /** Why a node was chosen. */
  public enum Reason { ONLY_NODE, CACHED_BLOCK, INPUT_HOST, LEAST_LOADED }

  /** A placement decision. */
  public record Choice(ActorRef<NodeSupervisor.Command> node, Reason reason) {}

  /**
   * A running task. Its equals and hashCode are written out: a record's generated ones link through an
   * invokedynamic bootstrap the first time they run, a few milliseconds of a cold JVM's first job.
   */
  private record TaskKey(long jobId, int stageId, int partition, int attempt) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TaskKey k && k.jobId == jobId && k.stageId == stageId && k.partition == partition
          && k.attempt == attempt;
    }

    @Override
    public int hashCode() {
      return ((Long.hashCode(jobId) * 31 + stageId) * 31 + partition) * 31 + attempt;
    }
  }

  /** A partition of a job's stage; equals and hashCode written out, as TaskKey's. */
  private record StagePartition(long jobId, int stageId, int partition) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StagePartition p && p.jobId == jobId && p.stageId == stageId && p.partition == partition;
    }

    @Override
    public int hashCode() {
      return (Long.hashCode(jobId) * 31 + stageId) * 31 + partition;
    }
  }

  private final CachePlacement cache;
  private final Function<ActorRef<NodeSupervisor.Command>, NodeInfo> nodeInfo;
  private final Map<TaskKey, ActorRef<NodeSupervisor.Command>> running = new ConcurrentHashMap<>();
  private final Map<ActorRef<NodeSupervisor.Command>, Integer> load = new ConcurrentHashMap<>();
  /** Stage id → the input hosts of each of its partitions; absent for stages whose input names no host. */
  private final Map<Integer, List<List<String>>> inputHosts = new ConcurrentHashMap<>();
  /** Stage id → the running jobs whose plans include it: its input hosts are kept while one still runs. */
  private final Map<Integer, Integer> stageJobs = new ConcurrentHashMap<>();
  /** The node the latest attempt of a partition went to, so that a retry can move on. */
  private final Map<StagePartition, ActorRef<NodeSupervisor.Command>> lastNode = new ConcurrentHashMap<>();
  private int rotation;

  /**
   * Placement over nodes described by {@code nodeInfo} (a node it does not know counts as one core on an
   * unnamed host), with cached blocks tracked by {@code cache}.
   */
  public TaskPlacement(CachePlacement cache, Function<ActorRef<NodeSupervisor.Command>, NodeInfo> nodeInfo) {
    this.cache = requireNonNull(cache, "cache is null");
    this.nodeInfo = requireNonNull(nodeInfo, "nodeInfo is null");
  }

  /** For a single node (local mode), where there is nothing to choose. */
  public static TaskPlacement local() {
    return new TaskPlacement(CachePlacement.none(), node -> new NodeInfo("", 1));
  }

  public CachePlacement cache() {
    return cache;
  }

  /**
   * Reads the input hosts of every partition of {@code plan}'s stages, for {@link #choose}. Called on the
   * submitting thread before the job starts; a plan whose inputs name no hosts leaves nothing behind.
   */
  public void prepare(JobPlan plan) {
    for (Stage stage : plan.stages()) {
      stageJobs.merge(stage.id(), 1, Integer::sum);
      if (inputHosts.containsKey(stage.id())) {
        continue;
      }
      int n = stage.numPartitions();
      List<List<String>> hosts = new ArrayList<>(n);
      boolean any = false;
      for (int p = 0; p < n; p++) {
        List<String> h;
        try {
          h = inputHosts(stage.node(), p, new HashSet<>());
        } catch (RuntimeException e) {
          // Hosts are a hint: a file system that can't name them leaves the partition to the least loaded node.
          h = List.of();
        }
        any |= !h.isEmpty();
        hosts.add(h);
      }
      if (any) {
        inputHosts.put(stage.id(), List.copyOf(hosts));
      }
    }
  }

  /**
   * Spark's preferred locations of a partition: the node's own, else those of the parent partitions it reads
   * through narrow dependencies, the first that name any. Lowercase host names.
   */
  static List<String> inputHosts(LineageNode<?> node, int partition, Set<Long> seen) {
    if (!seen.add(((long) node.id() << 32) | (partition & 0xffffffffL))) {
      return List.of();
    }
    List<String> own = node.preferredLocations(partition);
    if (!own.isEmpty()) {
      return own.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }
    for (Dependency d : node.dependencies()) {
      if (d instanceof NarrowDependency narrow) {
        for (int parent : narrow.parentPartitions(partition)) {
          List<String> found = inputHosts(d.parent(), parent, seen);
          if (!found.isEmpty()) {
            return found;
          }
        }
      }
    }
    return List.of();
  }

  /**
   * Chooses the node for attempt {@code attempt} of {@code partition} of {@code stage} of job {@code jobId}
   * among {@code nodes}, and counts the task as running there until {@link #ended}.
   */
  public Choice choose(long jobId, Stage stage, int partition, int attempt,
      List<ActorRef<NodeSupervisor.Command>> nodes) {
    if (nodes.size() == 1) {
      return new Choice(nodes.get(0), Reason.ONLY_NODE);
    }
    List<ActorRef<NodeSupervisor.Command>> current = List.copyOf(nodes);
    StagePartition sp = new StagePartition(jobId, stage.id(), partition);
    Choice choice = attempt == 0 ? firstChoice(stage, partition, current) : retryChoice(current, lastNode.get(sp));
    lastNode.put(sp, choice.node());
    running.put(new TaskKey(jobId, stage.id(), partition, attempt), choice.node());
    load.merge(choice.node(), 1, Integer::sum);
    return choice;
  }

  private Choice firstChoice(Stage stage, int partition, List<ActorRef<NodeSupervisor.Command>> nodes) {
    Optional<ActorRef<NodeSupervisor.Command>> owner = cache.preferred(stage, partition, nodes);
    if (owner.isPresent()) {
      return new Choice(owner.get(), Reason.CACHED_BLOCK);
    }
    List<List<String>> stageHosts = inputHosts.get(stage.id());
    List<String> hosts = stageHosts == null || partition >= stageHosts.size() ? List.of() : stageHosts.get(partition);
    if (!hosts.isEmpty()) {
      List<ActorRef<NodeSupervisor.Command>> local = nodes.stream()
          .filter(n -> hosts.contains(nodeInfo.apply(n).host().toLowerCase(Locale.ROOT))).toList();
      if (!local.isEmpty()) {
        ActorRef<NodeSupervisor.Command> best = leastLoaded(local, null);
        ActorRef<NodeSupervisor.Command> anywhere = leastLoaded(nodes, null);
        if (hasFreeCore(best) || !hasFreeCore(anywhere)) {
          return new Choice(best, Reason.INPUT_HOST);
        }
        return new Choice(anywhere, Reason.LEAST_LOADED);
      }
    }
    return new Choice(leastLoaded(nodes, null), Reason.LEAST_LOADED);
  }

  private Choice retryChoice(List<ActorRef<NodeSupervisor.Command>> nodes, ActorRef<NodeSupervisor.Command> last) {
    return new Choice(leastLoaded(nodes, nodes.size() > 1 ? last : null), Reason.LEAST_LOADED);
  }

  /** The node with the fewest running tasks per core (other than {@code avoid}); ties rotate. */
  private synchronized ActorRef<NodeSupervisor.Command> leastLoaded(List<ActorRef<NodeSupervisor.Command>> nodes,
      ActorRef<NodeSupervisor.Command> avoid) {
    int n = nodes.size();
    int start = Math.floorMod(rotation, n);
    ActorRef<NodeSupervisor.Command> best = null;
    double bestLoad = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      ActorRef<NodeSupervisor.Command> node = nodes.get((start + i) % n);
      if (node.equals(avoid)) {
        continue;
      }
      double perCore = (double) load.getOrDefault(node, 0) / nodeInfo.apply(node).cores();
      if (perCore < bestLoad) {
        best = node;
        bestLoad = perCore;
      }
    }
    if (best == null) {
      best = nodes.get(start);
    }
    rotation = nodes.indexOf(best) + 1;
    return best;
  }

  private boolean hasFreeCore(ActorRef<NodeSupervisor.Command> node) {
    return load.getOrDefault(node, 0) < nodeInfo.apply(node).cores();
  }

  /** The attempt ended (it answered, or was given up): its node has one task fewer. */
  public void ended(long jobId, int stageId, int partition, int attempt) {
    ActorRef<NodeSupervisor.Command> node = running.remove(new TaskKey(jobId, stageId, partition, attempt));
    if (node != null) {
      load.computeIfPresent(node, (n, c) -> c <= 1 ? null : c - 1);
    }
  }

  /** Job {@code jobId} ended: tasks it still counted no longer matter to it. */
  public void jobEnded(long jobId, JobPlan plan) {
    running.entrySet().removeIf(e -> {
      if (e.getKey().jobId() != jobId) {
        return false;
      }
      load.computeIfPresent(e.getValue(), (n, c) -> c <= 1 ? null : c - 1);
      return true;
    });
    lastNode.keySet().removeIf(k -> k.jobId() == jobId);
    for (Stage stage : plan.stages()) {
      // A stage another running job shares (a shuffle both read) keeps its hosts until that job ends too.
      if (stageJobs.computeIfPresent(stage.id(), (id, jobs) -> jobs <= 1 ? null : jobs - 1) == null) {
        inputHosts.remove(stage.id());
      }
    }
  }

  /** Partition {@code partition} of {@code stage} was computed on {@code node}: its cached blocks are there. */
  public void computed(Stage stage, int partition, ActorRef<NodeSupervisor.Command> node) {
    cache.computed(stage, partition, node);
  }

  /** The tasks in flight on {@code node}, as counted here. */
  public int running(ActorRef<NodeSupervisor.Command> node) {
    return load.getOrDefault(node, 0);
  }
}
