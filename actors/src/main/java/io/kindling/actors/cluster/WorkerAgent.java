package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.typed.Cluster;
import io.kindling.actors.node.NodeSupervisor;
import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Adapter;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.OwnedBlock;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;
import java.util.concurrent.CompletableFuture;
import com.typesafe.config.Config;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.fault.NodeFaults;
import io.kindling.chaos.FaultSchedule;
import java.time.Duration;
import io.kindling.engine.storage.BlockManager;
import io.kindling.engine.storage.StorageSettings;
import io.kindling.engine.task.NodeServices;
import io.kindling.persistence.block.ChronicleStorage;
import io.kindling.shuffle.NodeShuffleService;
import io.kindling.shuffle.ShuffleSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's front door, registered with the Receptionist under {@link #SERVICE_KEY}. Each driver session that
 * finds it attaches once and gets a NodeSupervisor of its own on this worker (its lineage, job ids, cached
 * blocks and shuffles are the session's, as dataset and job ids are only unique within a session); the
 * session's node stops when the driver's {@link ClusterView} does. It also answers {@code kindling status} and
 * {@code kindling leave}.
 */
public final class WorkerAgent extends AbstractBehavior<WorkerAgent.Command> {

  /** The key drivers look workers up by. */
  public static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "kindling-worker");

  /** Messages a WorkerAgent handles. */
  public sealed interface Command permits AttachSession, GetStatus, Leave, ReleaseShuffle, SessionEnded, HandOver,
      HandOverTargets, ImportMapOutput, ImportBlock, HandOverAck, TransfersStarted, HandOverTimedOut, MoveBlock,
      DropBlock, Halt, SetLink, SetLinkDelay, SetFaultSchedule, AppJarChunk {}

  /**
   * A driver session asks for its node on this worker; the reply, {@link ClusterView.NodeAttached}, goes to
   * {@code replyTo}, whose termination ends the session here. Asking again returns the same node.
   */
  public record AttachSession(String sessionName, ActorRef<ClusterView.Command> replyTo)
      implements Command, ClusterMessage {}

  /**
   * Part {@code index} of {@code count} of an application jar of the session of {@code owner}, sent before it
   * attaches: the session's tasks load classes from its jars.
   */
  public record AppJarChunk(ActorRef<ClusterView.Command> owner, String name, String sha256, int index, int count,
      byte[] bytes) implements Command, ClusterMessage {}

  /** Asks for this worker's status and its view of the cluster. */
  public record GetStatus(ActorRef<WorkerStatus> replyTo) implements Command, ClusterMessage {}

  /** Asks this worker to leave the cluster gracefully; its process then ends. */
  public record Leave(ActorRef<LeaveStarted> replyTo) implements Command, ClusterMessage {}

  /** The session of {@code owner} no longer needs shuffle {@code shuffleId}: drop its outputs here. */
  public record ReleaseShuffle(ActorRef<ClusterView.Command> owner, int shuffleId) implements Command, ClusterMessage {}

  private record SessionEnded(ActorRef<ClusterView.Command> owner) implements Command {}

  /**
   * Before this worker leaves: move every session's map outputs and cached blocks to the other workers, so that
   * nothing is computed again; {@code replyTo} hears when done (or given up on).
   */
  record HandOver(ActorRef<Done> replyTo) implements Command {}

  /** A worker that may receive a leaving worker's data. */
  public record TargetWorker(String address, ActorRef<Command> agent) implements ClusterMessage {}

  /** A session's answer to {@link ClusterView.Decommission}: where to move its data. */
  public record HandOverTargets(ActorRef<ClusterView.Command> owner, List<TargetWorker> targets)
      implements Command, ClusterMessage {
    public HandOverTargets {
      targets = List.copyOf(targets);
    }
  }

  /** Copy map output {@code map} of {@code shuffleId} of {@code owner}'s session from {@code source}, then ack. */
  public record ImportMapOutput(ActorRef<ClusterView.Command> owner, int shuffleId, int map, long[] sizes,
      ActorRef<ShuffleServer.Command> source, ActorRef<Command> replyTo) implements Command, ClusterMessage {}

  /** Store a cached block of {@code owner}'s session ({@code block}: its Java-serialized lineage), then ack. */
  public record ImportBlock(ActorRef<ClusterView.Command> owner, byte[] block, List<byte[]> chunks,
      ActorRef<Command> replyTo) implements Command, ClusterMessage {
    public ImportBlock {
      chunks = List.copyOf(chunks);
    }
  }

  /** One piece of a hand-over arrived (or could not be stored, and will be computed again when needed). */
  public record HandOverAck(ActorRef<ClusterView.Command> owner, String what, boolean stored)
      implements Command, ClusterMessage {}

  /** Send the cached block {@code (rddId, partition)} of {@code owner}'s session to {@code to} (a rebalance). */
  public record MoveBlock(ActorRef<ClusterView.Command> owner, int rddId, int partition, ActorRef<Command> to)
      implements Command, ClusterMessage {}

  /** The block moved: drop this worker's copy. */
  public record DropBlock(ActorRef<ClusterView.Command> owner, int rddId, int partition)
      implements Command, ClusterMessage {}

  /** Fault injection: end this worker's JVM at once, as {@code kill -9} would. */
  public enum Halt implements Command, ClusterMessage { INSTANCE }

  /** Fault injection: cut ({@code cut}) or restore the link between this worker and {@code peer}. */
  public record SetLink(String peer, boolean cut) implements Command, ClusterMessage {}

  /** Fault injection: delay the link between this worker and {@code peer} by {@code millis} (0 restores it). */
  public record SetLinkDelay(String peer, long millis) implements Command, ClusterMessage {}

  /**
   * Fault injection: the random fault schedule of the session of {@code owner} on this worker becomes
   * {@code FaultSchedule.random(seed, rate)} ({@code on}) or none.
   */
  public record SetFaultSchedule(ActorRef<ClusterView.Command> owner, boolean on, long seed, double rate,
      ActorRef<Done> replyTo) implements Command, ClusterMessage {}

  private record TransfersStarted(ActorRef<ClusterView.Command> owner, int count, Throwable error)
      implements Command {}

  private enum HandOverTimedOut implements Command { INSTANCE }

  /**
   * This worker's status: its address, cores, attached sessions, the cached blocks (and their bytes) and map
   * outputs it holds for them, and the members as it sees them.
   */
  public record WorkerStatus(String address, int cores, List<String> sessions, int cachedBlocks, long cachedBytes,
      int mapOutputs, List<MemberInfo> members) implements ClusterMessage {
    public WorkerStatus {
      sessions = List.copyOf(sessions);
      members = List.copyOf(members);
    }
  }

  /** One cluster member: address, status (Up, Leaving…), roles, and whether it is reachable. */
  public record MemberInfo(String address, String status, List<String> roles, boolean reachable)
      implements ClusterMessage {
    public MemberInfo {
      roles = List.copyOf(roles);
    }
  }

  /** The worker started leaving. */
  public record LeaveStarted(String address) implements ClusterMessage {}

  /** One driver session's part of this worker: its node, shuffle server and stores. */
  private record Session(String name, ActorRef<NodeSupervisor.Command> node, ActorRef<ShuffleServer.Command> server,
      NodeShuffleService shuffle, BlockManager blocks, NodeFaults faults, SessionJars jars) {
    void close() {
      try {
        shuffle.close();
      } finally {
        try {
          blocks.close();
        } finally {
          if (jars != null) {
            jars.close();
          }
        }
      }
    }
  }

  /** What a worker gives the sessions attached to it. */
  record Resources(ExecutorService compute, ExecutorService io, int cores, NodeSupervisor.RestartPolicy restarts,
      Config config, ActorRef<BlockFetcher.Command> fetcher, FetchSettings fetch, String workerName,
      long maximumMessageSize) {}

  /** A hand-over that takes longer is given up on: the worker leaves, and what was not moved is recomputed. */
  private static final java.time.Duration HAND_OVER_TIMEOUT = java.time.Duration.ofSeconds(50);

  private final Resources resources;
  private final Semaphore fetchBudget;
  private final AtomicLong streamIds = new AtomicLong();
  private final Map<ActorRef<ClusterView.Command>, Session> sessions = new HashMap<>();
  /** Application jars of sessions not attached yet. */
  private final Map<ActorRef<ClusterView.Command>, SessionJars> incomingJars = new HashMap<>();
  private int nextSession;
  private ActorRef<Done> handOverReplyTo;
  /** Per session being handed over: transfers started (-1 until known) and acknowledged. */
  private final Map<ActorRef<ClusterView.Command>, int[]> handOvers = new HashMap<>();

  static Behavior<Command> create(Resources resources) {
    return Behaviors.setup(context -> new WorkerAgent(context, resources));
  }

  private WorkerAgent(ActorContext<Command> context, Resources resources) {
    super(context);
    this.resources = resources;
    this.fetchBudget = new Semaphore(resources.fetch().totalPermits());
    context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(AttachSession.class, this::onAttach)
        .onMessage(SessionEnded.class, this::onSessionEnded)
        .onMessage(GetStatus.class, this::onStatus)
        .onMessage(Leave.class, this::onLeave)
        .onMessage(ReleaseShuffle.class, this::onReleaseShuffle)
        .onMessage(HandOver.class, this::onHandOver)
        .onMessage(HandOverTargets.class, this::onHandOverTargets)
        .onMessage(TransfersStarted.class, this::onTransfersStarted)
        .onMessage(HandOverAck.class, this::onHandOverAck)
        .onMessageEquals(HandOverTimedOut.INSTANCE, this::onHandOverTimedOut)
        .onMessage(ImportMapOutput.class, this::onImportMapOutput)
        .onMessage(ImportBlock.class, this::onImportBlock)
        .onMessage(MoveBlock.class, this::onMoveBlock)
        .onMessage(DropBlock.class, this::onDropBlock)
        .onMessageEquals(Halt.INSTANCE, () -> {
          Runtime.getRuntime().halt(137);
          return this;
        })
        .onMessage(SetLink.class, msg -> {
          if (msg.cut()) {
            Links.cut(getContext().getSystem(), msg.peer());
          } else {
            Links.restore(getContext().getSystem(), msg.peer());
          }
          return this;
        })
        .onMessage(AppJarChunk.class, msg -> {
          if (!sessions.containsKey(msg.owner())) {
            incomingJars.computeIfAbsent(msg.owner(), o -> new SessionJars()).add(msg);
          }
          return this;
        })
        .onMessage(SetLinkDelay.class, msg -> {
          LinkDelays.get(getContext().getSystem()).set(msg.peer(), Duration.ofMillis(msg.millis()));
          return this;
        })
        .onMessage(SetFaultSchedule.class, msg -> {
          Session session = sessions.get(msg.owner());
          if (session != null) {
            if (msg.on()) {
              session.faults().schedule(FaultSchedule.random(msg.seed(), msg.rate()));
            } else {
              session.faults().clear();
            }
          }
          msg.replyTo().tell(Done.getInstance());
          return this;
        })
        .onSignal(PostStop.class, signal -> {
          sessions.values().forEach(Session::close);
          return this;
        })
        .build();
  }

  private Behavior<Command> onAttach(AttachSession msg) {
    Session session = sessions.get(msg.replyTo());
    if (session == null) {
      session = openSession(msg.sessionName(), msg.replyTo());
      sessions.put(msg.replyTo(), session);
      getContext().watchWith(msg.replyTo(), new SessionEnded(msg.replyTo()));
    }
    msg.replyTo().tell(new ClusterView.NodeAttached(selfAddress(), session.node(), session.server(),
        resources.cores()));
    return this;
  }

  /**
   * The session's node on this worker, with a shuffle service of its own (its map outputs, read by the
   * session's reduce tasks here and, through the shuffle server, on other workers) and a block store of its own.
   * Stores are created lazily: attaching costs no Chronicle Map.
   */
  private Session openSession(String sessionName, ActorRef<ClusterView.Command> driver) {
    int n = ++nextSession;
    String name = "session-" + n;
    Config config = resources.config();
    String storeName = resources.workerName() + "-" + name;
    NodeShuffleService shuffle = new NodeShuffleService(ShuffleSettings.from(config, resources.cores()), storeName,
        NodeEvents.NONE, new ClusterMapOutputs(getContext().getSystem(), driver, resources.fetcher(), resources.fetch(), fetchBudget,
            streamIds));
    StorageSettings storage = StorageSettings.from(config);
    BlockManager blocks = new BlockManager(storage, new ChronicleStorage("kindling-" + storeName, storage),
        NodeEvents.NONE);
    NodeFaults faults = new NodeFaults(NodeEvents.NONE, config.getInt("kindling.task.max-attempts"),
        config.getInt("kindling.stage.max-consecutive-attempts"));
    SessionJars jars = incomingJars.remove(driver);
    ExecutorService compute = resources.compute();
    if (jars != null) {
      ClassLoader parent = compute instanceof ClassLoaderExecutor c ? c.loader() : WorkerAgent.class.getClassLoader();
      ClassLoader loader = jars.loader(parent);
      if (loader != parent) {
        compute = new ClassLoaderExecutor(compute, loader);
      }
    }
    ActorRef<NodeSupervisor.Command> node = getContext().spawn(NodeSupervisor.create(
        new NodeServices(shuffle, blocks, faults), compute, resources.restarts()), name);
    ActorRef<ShuffleServer.Command> server = getContext().spawn(ShuffleServer.create(shuffle, resources.io()),
        "shuffle-" + n);
    return new Session(sessionName, node, server, shuffle, blocks, faults, jars);
  }

  private Behavior<Command> onSessionEnded(SessionEnded msg) {
    Session session = sessions.remove(msg.owner());
    if (session != null) {
      getContext().stop(session.node());
      getContext().stop(session.server());
      session.close();
    }
    return this;
  }

  private Behavior<Command> onReleaseShuffle(ReleaseShuffle msg) {
    Session session = sessions.get(msg.owner());
    if (session != null) {
      session.shuffle().remove(msg.shuffleId());
    }
    return this;
  }

  private Behavior<Command> onStatus(GetStatus msg) {
    Cluster cluster = Cluster.get(getContext().getSystem());
    ClusterEvent.CurrentClusterState state = cluster.state();
    List<MemberInfo> members = new ArrayList<>();
    for (Member m : state.getMembers()) {
      members.add(new MemberInfo(m.address().toString(), m.status().toString(), List.copyOf(m.getRoles()).stream()
          .filter(r -> !r.startsWith("dc-")).sorted().toList(), !state.getUnreachable().contains(m)));
    }
    int blocks = 0;
    long bytes = 0;
    int outputs = 0;
    for (Session session : sessions.values()) {
      for (BlockManager.BlockInfo info : session.blocks().blocks()) {
        blocks++;
        bytes += info.bytes();
      }
      outputs += session.shuffle().mapOutputs().size();
    }
    msg.replyTo().tell(new WorkerStatus(selfAddress(), resources.cores(),
        sessions.values().stream().map(Session::name).sorted().toList(), blocks, bytes, outputs, members));
    return this;
  }

  /** Leaves through the shutdown sequence, whose first phases hand this worker's data over. */
  private Behavior<Command> onLeave(Leave msg) {
    msg.replyTo().tell(new LeaveStarted(selfAddress()));
    CoordinatedShutdown.get(Adapter.toClassic(getContext().getSystem()))
        .runAll(CoordinatedShutdown.clusterLeavingReason());
    return this;
  }

  // ---------------------------------------------------------------- hand-over (this worker leaves)

  private Behavior<Command> onHandOver(HandOver msg) {
    if (handOverReplyTo != null || sessions.isEmpty()) {
      msg.replyTo().tell(Done.getInstance());
      return this;
    }
    handOverReplyTo = msg.replyTo();
    for (ActorRef<ClusterView.Command> owner : sessions.keySet()) {
      handOvers.put(owner, new int[] {-1, 0});
      owner.tell(new ClusterView.Decommission(getContext().getSelf()));
    }
    getContext().scheduleOnce(HAND_OVER_TIMEOUT, getContext().getSelf(), HandOverTimedOut.INSTANCE);
    return this;
  }

  /** Starts copying a session's data to its other workers, round robin; the copies are made by the receivers. */
  private Behavior<Command> onHandOverTargets(HandOverTargets msg) {
    Session session = sessions.get(msg.owner());
    if (session == null || msg.targets().isEmpty()) {
      return transfersStarted(msg.owner(), 0);
    }
    ActorRef<Command> self = getContext().getSelf();
    List<TargetWorker> targets = msg.targets();
    CompletableFuture<Integer> started = CompletableFuture.supplyAsync(() -> {
      int n = 0;
      for (NodeShuffleService.MapOutputInfo out : session.shuffle().mapOutputs()) {
        targets.get(n++ % targets.size()).agent().tell(new ImportMapOutput(msg.owner(), out.shuffleId(),
            out.mapPartition(), out.sizes(), session.server(), self));
      }
      for (BlockManager.BlockInfo info : session.blocks().blocks()) {
        BlockManager.ExportedBlock exported = session.blocks().export(info.id()).orElse(null);
        long bytes = exported == null ? 0 : exported.chunks().stream().mapToLong(c -> c.length).sum();
        if (exported != null && bytes < resources.maximumMessageSize() - 64 * 1024) {
          targets.get(n++ % targets.size()).agent().tell(new ImportBlock(msg.owner(),
              writeBlock(exported.block()), exported.chunks(), self));
        }
      }
      return n;
    }, resources.compute());
    getContext().pipeToSelf(started, (n, error) -> new TransfersStarted(msg.owner(), n == null ? 0 : n, error));
    return this;
  }

  private Behavior<Command> onTransfersStarted(TransfersStarted msg) {
    if (msg.error() != null) {
      getContext().getLog().warn("Could not hand all data of a session over: {}", msg.error().toString());
    }
    return transfersStarted(msg.owner(), msg.count());
  }

  private Behavior<Command> transfersStarted(ActorRef<ClusterView.Command> owner, int count) {
    int[] progress = handOvers.get(owner);
    if (progress != null) {
      progress[0] = count;
    }
    return checkHandOverDone();
  }

  private Behavior<Command> onHandOverAck(HandOverAck msg) {
    int[] progress = handOvers.get(msg.owner());
    if (progress != null) {
      progress[1]++;
    }
    if (!msg.stored()) {
      getContext().getLog().warn("{} could not be handed over; it will be computed again when needed", msg.what());
    }
    return checkHandOverDone();
  }

  private Behavior<Command> checkHandOverDone() {
    boolean done = handOverReplyTo != null
        && handOvers.values().stream().allMatch(p -> p[0] >= 0 && p[1] >= p[0]);
    if (done) {
      handOverReplyTo.tell(Done.getInstance());
      handOvers.clear();
    }
    return this;
  }

  private Behavior<Command> onHandOverTimedOut() {
    if (handOverReplyTo != null && !handOvers.isEmpty()) {
      getContext().getLog().warn("Handing data over took longer than {}; leaving anyway (what was not moved is "
          + "computed again when needed)", HAND_OVER_TIMEOUT);
      handOverReplyTo.tell(Done.getInstance());
      handOvers.clear();
    }
    return this;
  }

  // ---------------------------------------------------------------- hand-over (another worker leaves)

  private Behavior<Command> onImportMapOutput(ImportMapOutput msg) {
    Session session = sessions.get(msg.owner());
    String what = "map output " + msg.map() + " of shuffle " + msg.shuffleId();
    if (session == null) {
      msg.replyTo().tell(new HandOverAck(msg.owner(), what, false));
      return this;
    }
    String self = selfAddress();
    CompletableFuture.runAsync(() -> {
      try {
        long[] sizes = session.shuffle().importMapOutput(msg.shuffleId(), msg.map(), msg.sizes().length,
            r -> new RemoteBlockStream(resources.fetcher(), msg.source(), resources.fetch(), fetchBudget,
                streamIds.incrementAndGet(), msg.shuffleId(), msg.map(), r, msg.sizes()[r]));
        msg.owner().tell(new ClusterView.MapOutputMoved(msg.shuffleId(), msg.map(), self, sizes));
        msg.replyTo().tell(new HandOverAck(msg.owner(), what, true));
      } catch (Exception | Error e) {
        msg.replyTo().tell(new HandOverAck(msg.owner(), what + " (" + e + ")", false));
      }
    }, resources.compute());
    return this;
  }

  private Behavior<Command> onMoveBlock(MoveBlock msg) {
    Session session = sessions.get(msg.owner());
    if (session == null) {
      return this;
    }
    ActorRef<Command> self = getContext().getSelf();
    CompletableFuture.runAsync(() -> session.blocks().export(new BlockId(msg.rddId(), msg.partition()))
        .filter(b -> b.chunks().stream().mapToLong(c -> c.length).sum() < resources.maximumMessageSize() - 65536)
        .ifPresent(b -> msg.to().tell(new ImportBlock(msg.owner(), writeBlock(b.block()), b.chunks(), self))),
        resources.compute());
    return this;
  }

  private Behavior<Command> onDropBlock(DropBlock msg) {
    Session session = sessions.get(msg.owner());
    if (session != null) {
      session.blocks().drop(new BlockId(msg.rddId(), msg.partition()), null, true);
    }
    return this;
  }

  /** A block's identity and lineage, as Java-serialized bytes (its lineage is user closures). */
  private static byte[] writeBlock(OwnedBlock b) {
    return JavaBytes.write(new Object[] {b.id().rddId(), b.id().partition(), b.level(), b.generation(), b.node(),
        new HashMap<>(b.persisted())});
  }

  @SuppressWarnings("unchecked")
  private static OwnedBlock readBlock(byte[] bytes) {
    Object[] f = (Object[]) JavaBytes.read(bytes);
    return new OwnedBlock(new BlockId((Integer) f[0], (Integer) f[1]), (StorageLevel) f[2], (Long) f[3],
        (LineageNode<?>) f[4], (Map<Integer, StorageLevel>) f[5]);
  }

  private Behavior<Command> onImportBlock(ImportBlock msg) {
    Session session = sessions.get(msg.owner());
    if (session == null) {
      msg.replyTo().tell(new HandOverAck(msg.owner(), "a cached block", false));
      return this;
    }
    String self = selfAddress();
    CompletableFuture.runAsync(() -> {
      String what = "a cached block";
      try {
        // On a compute thread: the block's lineage holds the application's classes.
        OwnedBlock block = readBlock(msg.block());
        what = "cached block " + block.id();
        boolean stored = session.blocks().importBlock(new BlockManager.ExportedBlock(block, msg.chunks()));
        if (stored) {
          msg.owner().tell(new ClusterView.BlockMoved(block.id().rddId(), block.id().partition(), self));
        }
        msg.replyTo().tell(new HandOverAck(msg.owner(), what, stored));
      } catch (RuntimeException | Error e) {
        msg.replyTo().tell(new HandOverAck(msg.owner(), what + " (" + e + ")", false));
      }
    }, resources.compute());
    return this;
  }

  private String selfAddress() {
    return Cluster.get(getContext().getSystem()).selfMember().address().toString();
  }
}
