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
import akka.actor.typed.PostStop;
import com.typesafe.config.Config;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.fault.NodeFaults;
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
  public sealed interface Command permits AttachSession, GetStatus, Leave, ReleaseShuffle, SessionEnded {}

  /**
   * A driver session asks for its node on this worker; the reply, {@link ClusterView.NodeAttached}, goes to
   * {@code replyTo}, whose termination ends the session here. Asking again returns the same node.
   */
  public record AttachSession(String sessionName, ActorRef<ClusterView.Command> replyTo)
      implements Command, ClusterMessage {}

  /** Asks for this worker's status and its view of the cluster. */
  public record GetStatus(ActorRef<WorkerStatus> replyTo) implements Command, ClusterMessage {}

  /** Asks this worker to leave the cluster gracefully; its process then ends. */
  public record Leave(ActorRef<LeaveStarted> replyTo) implements Command, ClusterMessage {}

  /** The session of {@code owner} no longer needs shuffle {@code shuffleId}: drop its outputs here. */
  public record ReleaseShuffle(ActorRef<ClusterView.Command> owner, int shuffleId) implements Command, ClusterMessage {}

  private record SessionEnded(ActorRef<ClusterView.Command> owner) implements Command {}

  /** This worker's status: its address, cores, attached sessions, and the members as it sees them. */
  public record WorkerStatus(String address, int cores, List<String> sessions, List<MemberInfo> members)
      implements ClusterMessage {
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
      NodeShuffleService shuffle, BlockManager blocks) {
    void close() {
      try {
        shuffle.close();
      } finally {
        blocks.close();
      }
    }
  }

  /** What a worker gives the sessions attached to it. */
  record Resources(ExecutorService compute, ExecutorService io, int cores, NodeSupervisor.RestartPolicy restarts,
      Config config, ActorRef<BlockFetcher.Command> fetcher, FetchSettings fetch, String workerName) {}

  private final Resources resources;
  private final Semaphore fetchBudget;
  private final AtomicLong streamIds = new AtomicLong();
  private final Map<ActorRef<ClusterView.Command>, Session> sessions = new HashMap<>();
  private int nextSession;

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
        new ClusterMapOutputs(getContext().getSystem(), driver, resources.fetcher(), resources.fetch(), fetchBudget,
            streamIds));
    StorageSettings storage = StorageSettings.from(config);
    BlockManager blocks = new BlockManager(storage, new ChronicleStorage("kindling-" + storeName, storage),
        NodeEvents.NONE);
    NodeFaults faults = new NodeFaults(NodeEvents.NONE, config.getInt("kindling.task.max-attempts"));
    ActorRef<NodeSupervisor.Command> node = getContext().spawn(NodeSupervisor.create(
        new NodeServices(shuffle, blocks, faults), resources.compute(), resources.restarts()), name);
    ActorRef<ShuffleServer.Command> server = getContext().spawn(ShuffleServer.create(shuffle, resources.io()),
        "shuffle-" + n);
    return new Session(sessionName, node, server, shuffle, blocks);
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
    msg.replyTo().tell(new WorkerStatus(selfAddress(), resources.cores(),
        sessions.values().stream().map(Session::name).sorted().toList(), members));
    return this;
  }

  private Behavior<Command> onLeave(Leave msg) {
    Cluster cluster = Cluster.get(getContext().getSystem());
    cluster.manager().tell(akka.cluster.typed.Leave.create(cluster.selfMember().address()));
    msg.replyTo().tell(new LeaveStarted(selfAddress()));
    return this;
  }

  private String selfAddress() {
    return Cluster.get(getContext().getSystem()).selfMember().address().toString();
  }
}
