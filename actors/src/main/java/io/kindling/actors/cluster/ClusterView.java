package io.kindling.actors.cluster;

import akka.Done;
import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.kindling.actors.driver.CachePlacement;
import io.kindling.actors.driver.MapOutputTracker;
import io.kindling.actors.node.NodeSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's view of the cluster for one session. It follows the Receptionist's listing of workers and the
 * membership events; attaches the session to every reachable worker (which gives the session a NodeSupervisor
 * there) behind a {@link RemoteNode} stand-in; and publishes the nodes that may take new work in
 * {@link LiveNodes}: attached, reachable, and not leaving. A worker that is downed or removed from the cluster
 * is lost: its RemoteNode reports the partitions it had in flight as lost, and their jobs place them again.
 */
public final class ClusterView extends AbstractBehavior<ClusterView.Command> {

  /** Messages a ClusterView handles. */
  public sealed interface Command permits NodeAttached, GetMapOutputs, ReleaseShuffle, Decommission,
      MapOutputMoved, BlockMoved, Rebalance, RebalanceTimedOut, WorkersListed, MemberChanged, ProxyReady,
      RetryAttach {}

  /** A worker's reply to {@code AttachSession}: the session's node there, and its shuffle server. */
  public record NodeAttached(String workerAddress, ActorRef<NodeSupervisor.Command> node,
      ActorRef<ShuffleServer.Command> shuffleServer, int cores) implements Command, ClusterMessage {}

  /** A worker's reduce task asks where map partitions {@code maps} of {@code shuffleId} are. */
  public record GetMapOutputs(int shuffleId, int reducePartition, int[] maps, ActorRef<MapOutputs> replyTo)
      implements Command, ClusterMessage {}

  /** The answer to {@link GetMapOutputs}: the map outputs known on live workers (the others are missing). */
  public record MapOutputs(int shuffleId, List<MapOutputLocation> locations) implements ClusterMessage {
    public MapOutputs {
      locations = List.copyOf(locations);
    }
  }

  /** One map output: its worker's shuffle server and the bytes it holds for the reduce partition asked about. */
  public record MapOutputLocation(int map, ActorRef<ShuffleServer.Command> server, long size)
      implements ClusterMessage {}

  /** The session no longer needs shuffle {@code shuffleId}: every worker drops its outputs. */
  public record ReleaseShuffle(int shuffleId) implements Command {}

  /**
   * A worker is about to leave on purpose: it takes no new work of this session, and gets the workers to hand its
   * map outputs and cached blocks over to (in a {@link WorkerAgent.HandOverTargets}).
   */
  public record Decommission(ActorRef<WorkerAgent.Command> replyTo) implements Command, ClusterMessage {}

  /** A leaving worker's map output was copied to {@code toWorker}. */
  public record MapOutputMoved(int shuffleId, int map, String toWorker, long[] sizes)
      implements Command, ClusterMessage {}

  /** A leaving worker's cached block was copied to {@code toWorker}. */
  public record BlockMoved(int rddId, int partition, String toWorker) implements Command, ClusterMessage {}

  /** Move cached blocks so that every worker holds about as many; {@code replyTo} (if any) hears when done. */
  public record Rebalance(ActorRef<Done> replyTo) implements Command {}

  private record RebalanceTimedOut(long round) implements Command {}

  private record WorkersListed(Receptionist.Listing listing) implements Command {}

  private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

  private record ProxyReady(Address address, ActorRef<NodeSupervisor.Command> front) implements Command {}

  private enum RetryAttach implements Command { INSTANCE }

  /** A rebalance whose moves are not all done after this long is given up on (the blocks stay put). */
  private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(60);

  /** An unanswered attach is sent again after this long (the worker may still have been joining). */
  private static final Duration ATTACH_RETRY = Duration.ofSeconds(2);

  /** One attached worker. */
  private static final class Proxy {
    final String workerAddress;
    final int cores;
    final ActorRef<RemoteNode.Command> remote;
    final ActorRef<ShuffleServer.Command> shuffleServer;
    final Address address;
    ActorRef<NodeSupervisor.Command> front;

    Proxy(Address address, String workerAddress, int cores, ActorRef<RemoteNode.Command> remote,
        ActorRef<ShuffleServer.Command> shuffleServer) {
      this.address = address;
      this.workerAddress = workerAddress;
      this.cores = cores;
      this.remote = remote;
      this.shuffleServer = shuffleServer;
    }
  }

  private final String sessionName;
  private final LiveNodes live;
  private final MapOutputTracker mapOutputs;
  private final CachePlacement placement;
  private final LineageRegistry lineage = new LineageRegistry();
  private final Map<ActorRef<NodeSupervisor.Command>, Proxy> byFront = new HashMap<>();
  private final Map<Address, ActorRef<WorkerAgent.Command>> reachable = new HashMap<>();
  private final Map<Address, Proxy> proxies = new HashMap<>();
  private final Set<Address> leaving = new HashSet<>();
  private final Set<Address> removed = new HashSet<>();
  private int nextProxy;
  private final boolean rebalanceOnJoin;
  private final List<AppJars.AppJar> appJars;
  private final int jarChunkSize;
  /** Blocks being moved by a rebalance, {rddId, partition} as a key, to the worker that gives them up. */
  private final Map<Long, ActorRef<WorkerAgent.Command>> moving = new HashMap<>();
  private final List<ActorRef<Done>> rebalanceWaiters = new ArrayList<>();
  private long rebalanceRound;

  /**
   * A view that ships {@code appJars} to each worker before attaching to it, in chunks of at most
   * {@code chunkSize} bytes.
   */
  public static Behavior<Command> create(String sessionName, LiveNodes live, MapOutputTracker mapOutputs,
      CachePlacement placement, boolean rebalanceOnJoin, List<AppJars.AppJar> appJars, int chunkSize) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new ClusterView(context, timers, sessionName, live, mapOutputs, placement, rebalanceOnJoin, appJars,
            chunkSize)));
  }

  private ClusterView(ActorContext<Command> context, TimerScheduler<Command> timers, String sessionName,
      LiveNodes live, MapOutputTracker mapOutputs, CachePlacement placement, boolean rebalanceOnJoin,
      List<AppJars.AppJar> appJars, int chunkSize) {
    super(context);
    this.appJars = List.copyOf(appJars);
    this.jarChunkSize = chunkSize;
    this.rebalanceOnJoin = rebalanceOnJoin;
    this.placement = placement;
    this.sessionName = sessionName;
    this.live = live;
    this.mapOutputs = mapOutputs;
    // Where partitions go while no worker is attached: it answers each with PartitionLost, so a job retries
    // and, if no worker comes, fails with that reason instead of waiting forever.
    ActorRef<RemoteNode.Command> none = context.spawn(RemoteNode.create("(none)", null, lineage, live::setFallback),
        "no-workers");
    none.tell(new RemoteNode.Lost("no worker is attached to the session"));
    ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class,
        WorkersListed::new);
    context.getSystem().receptionist().tell(Receptionist.subscribe(WorkerAgent.SERVICE_KEY, listings));
    ActorRef<ClusterEvent.MemberEvent> members = context.messageAdapter(ClusterEvent.MemberEvent.class,
        MemberChanged::new);
    Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(members, ClusterEvent.MemberEvent.class));
    timers.startTimerWithFixedDelay(RetryAttach.INSTANCE, ATTACH_RETRY);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(WorkersListed.class, this::onListing)
        .onMessage(NodeAttached.class, this::onAttached)
        .onMessage(ProxyReady.class, this::onProxyReady)
        .onMessage(GetMapOutputs.class, this::onGetMapOutputs)
        .onMessage(ReleaseShuffle.class, this::onReleaseShuffle)
        .onMessage(Decommission.class, this::onDecommission)
        .onMessage(MapOutputMoved.class, this::onMapOutputMoved)
        .onMessage(BlockMoved.class, this::onBlockMoved)
        .onMessage(Rebalance.class, this::onRebalance)
        .onMessage(RebalanceTimedOut.class, this::onRebalanceTimedOut)
        .onMessage(MemberChanged.class, this::onMemberChanged)
        .onMessageEquals(RetryAttach.INSTANCE, this::onRetryAttach)
        .build();
  }

  private Behavior<Command> onListing(WorkersListed msg) {
    Map<Address, ActorRef<WorkerAgent.Command>> listed = new HashMap<>();
    for (ActorRef<WorkerAgent.Command> agent : msg.listing().getServiceInstances(WorkerAgent.SERVICE_KEY)) {
      listed.put(agent.path().address(), agent);
    }
    reachable.keySet().retainAll(listed.keySet());
    listed.forEach((address, agent) -> {
      if (!removed.contains(address) && reachable.put(address, agent) == null && !proxies.containsKey(address)) {
        attach(agent);
      }
    });
    publish();
    return this;
  }

  private Behavior<Command> onAttached(NodeAttached msg) {
    Address address = msg.node().path().address();
    if (removed.contains(address) || proxies.containsKey(address)) {
      return this;
    }
    ActorRef<Command> self = getContext().getSelf();
    ActorRef<RemoteNode.Command> remote = getContext().spawn(RemoteNode.create(msg.workerAddress(), msg.node(),
        lineage, front -> self.tell(new ProxyReady(address, front))), "node-" + (++nextProxy));
    proxies.put(address, new Proxy(address, msg.workerAddress(), msg.cores(), remote, msg.shuffleServer()));
    return this;
  }

  private Behavior<Command> onProxyReady(ProxyReady msg) {
    Proxy proxy = proxies.get(msg.address());
    if (proxy != null) {
      proxy.front = msg.front();
      byFront.put(msg.front(), proxy);
      publish();
      if (rebalanceOnJoin && live.size() > 1) {
        getContext().getSelf().tell(new Rebalance(null));
      }
    }
    return this;
  }

  private Behavior<Command> onGetMapOutputs(GetMapOutputs msg) {
    List<MapOutputLocation> found = new ArrayList<>();
    for (int map : msg.maps()) {
      mapOutputs.output(msg.shuffleId(), map).ifPresent(out -> {
        Proxy proxy = byFront.get(out.node());
        if (proxy != null && msg.reducePartition() < out.sizes().length) {
          found.add(new MapOutputLocation(map, proxy.shuffleServer, out.sizes()[msg.reducePartition()]));
        }
      });
    }
    msg.replyTo().tell(new MapOutputs(msg.shuffleId(), found));
    return this;
  }

  private Behavior<Command> onDecommission(Decommission msg) {
    Address leaver = msg.replyTo().path().address();
    leaving.add(leaver);
    publish();
    List<WorkerAgent.TargetWorker> targets = new ArrayList<>();
    reachable.forEach((address, agent) -> {
      Proxy proxy = proxies.get(address);
      if (!leaving.contains(address) && proxy != null && proxy.front != null) {
        targets.add(new WorkerAgent.TargetWorker(proxy.workerAddress, agent));
      }
    });
    targets.sort(java.util.Comparator.comparing(WorkerAgent.TargetWorker::address));
    msg.replyTo().tell(new WorkerAgent.HandOverTargets(getContext().getSelf(), targets));
    return this;
  }

  private Behavior<Command> onMapOutputMoved(MapOutputMoved msg) {
    frontOf(msg.toWorker()).ifPresent(front -> mapOutputs.registerMapOutput(msg.shuffleId(), msg.map(), front,
        msg.sizes()));
    return this;
  }

  private Behavior<Command> onBlockMoved(BlockMoved msg) {
    frontOf(msg.toWorker()).ifPresent(front -> placement.moved(msg.rddId(), msg.partition(), front));
    ActorRef<WorkerAgent.Command> source = moving.remove(blockKey(msg.rddId(), msg.partition()));
    if (source != null) {
      // The copy is in place: the worker that gave the block up drops its own.
      source.tell(new WorkerAgent.DropBlock(getContext().getSelf(), msg.rddId(), msg.partition()));
      if (moving.isEmpty()) {
        rebalanceFinished();
      }
    }
    return this;
  }

  /**
   * Plans moves of cached blocks from the workers holding the most to those holding the fewest, until no two
   * differ by more than one, and starts them: the giving worker sends each block to the receiving one.
   */
  private Behavior<Command> onRebalance(Rebalance msg) {
    if (msg.replyTo() != null) {
      rebalanceWaiters.add(msg.replyTo());
    }
    if (!moving.isEmpty()) {
      return this;
    }
    Map<ActorRef<NodeSupervisor.Command>, List<int[]>> held = new HashMap<>();
    for (LiveNodes.WorkerNode node : live.snapshot()) {
      held.put(node.node(), new ArrayList<>());
    }
    placement.blocksByNode().forEach((node, blocks) -> {
      if (held.containsKey(node)) {
        held.get(node).addAll(blocks);
      }
    });
    while (held.size() > 1) {
      ActorRef<NodeSupervisor.Command> most = null;
      ActorRef<NodeSupervisor.Command> fewest = null;
      for (Map.Entry<ActorRef<NodeSupervisor.Command>, List<int[]>> e : held.entrySet()) {
        if (most == null || e.getValue().size() > held.get(most).size()) {
          most = e.getKey();
        }
        if (fewest == null || e.getValue().size() < held.get(fewest).size()) {
          fewest = e.getKey();
        }
      }
      if (held.get(most).size() - held.get(fewest).size() <= 1) {
        break;
      }
      int[] block = held.get(most).remove(held.get(most).size() - 1);
      held.get(fewest).add(block);
      ActorRef<WorkerAgent.Command> from = reachable.get(byFront.get(most).address);
      ActorRef<WorkerAgent.Command> to = reachable.get(byFront.get(fewest).address);
      if (from != null && to != null) {
        moving.put(blockKey(block[0], block[1]), from);
        from.tell(new WorkerAgent.MoveBlock(getContext().getSelf(), block[0], block[1], to));
      }
    }
    if (moving.isEmpty()) {
      rebalanceFinished();
    } else {
      getContext().scheduleOnce(REBALANCE_TIMEOUT, getContext().getSelf(), new RebalanceTimedOut(++rebalanceRound));
    }
    return this;
  }

  private Behavior<Command> onRebalanceTimedOut(RebalanceTimedOut msg) {
    if (msg.round() == rebalanceRound && !moving.isEmpty()) {
      getContext().getLog().warn("{} cached blocks did not move within {}; they stay where they are",
          moving.size(), REBALANCE_TIMEOUT);
      moving.clear();
      rebalanceFinished();
    }
    return this;
  }

  private void rebalanceFinished() {
    rebalanceWaiters.forEach(w -> w.tell(Done.getInstance()));
    rebalanceWaiters.clear();
  }

  private static long blockKey(int rddId, int partition) {
    return ((long) rddId << 32) | (partition & 0xffffffffL);
  }

  private java.util.Optional<ActorRef<NodeSupervisor.Command>> frontOf(String workerAddress) {
    return proxies.values().stream().filter(p -> p.workerAddress.equals(workerAddress) && p.front != null)
        .map(p -> p.front).findFirst();
  }

  private Behavior<Command> onReleaseShuffle(ReleaseShuffle msg) {
    mapOutputs.unregister(msg.shuffleId());
    reachable.values().forEach(agent -> agent.tell(new WorkerAgent.ReleaseShuffle(getContext().getSelf(),
        msg.shuffleId())));
    return this;
  }

  private Behavior<Command> onMemberChanged(MemberChanged msg) {
    ClusterEvent.MemberEvent event = msg.event();
    Address address = event.member().address();
    if (event instanceof ClusterEvent.MemberDowned || event instanceof ClusterEvent.MemberRemoved) {
      removed.add(address);
      reachable.remove(address);
      Proxy proxy = proxies.remove(address);
      if (proxy != null) {
        if (proxy.front != null) {
          byFront.remove(proxy.front);
          // Its map outputs are gone with it: jobs re-run those map partitions when they need them.
          mapOutputs.removeOutputsOn(proxy.front);
          placement.removeNode(proxy.front);
        }
        proxy.remote.tell(new RemoteNode.Lost(event instanceof ClusterEvent.MemberDowned ? "downed" : "removed"));
      }
      publish();
    } else if (event instanceof ClusterEvent.MemberLeft || event instanceof ClusterEvent.MemberExited) {
      leaving.add(address);
      publish();
    }
    return this;
  }

  /** Ships the application jars (if any), then asks the worker for a node; one stream keeps them in order. */
  private void attach(ActorRef<WorkerAgent.Command> agent) {
    for (AppJars.AppJar jar : appJars) {
      jar.chunks(getContext().getSelf(), jarChunkSize).forEach(agent::tell);
    }
    agent.tell(new WorkerAgent.AttachSession(sessionName, getContext().getSelf()));
  }

  private Behavior<Command> onRetryAttach() {
    reachable.forEach((address, agent) -> {
      if (!proxies.containsKey(address)) {
        attach(agent);
      }
    });
    return this;
  }

  private void publish() {
    List<LiveNodes.WorkerNode> nodes = new ArrayList<>();
    proxies.forEach((address, proxy) -> {
      if (proxy.front != null && reachable.containsKey(address) && !leaving.contains(address)) {
        nodes.add(new LiveNodes.WorkerNode(proxy.workerAddress, proxy.front, proxy.cores));
      }
    });
    live.set(nodes);
  }
}
