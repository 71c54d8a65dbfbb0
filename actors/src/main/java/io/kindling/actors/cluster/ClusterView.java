package io.kindling.actors.cluster;

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
import io.kindling.actors.node.NodeSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The driver's view of the cluster for one session: follows the Receptionist's listing of workers and the
 * membership events, attaches the session to every reachable worker (which gives it a NodeSupervisor there),
 * and publishes the attached nodes in {@link LiveNodes}.
 */
public final class ClusterView extends AbstractBehavior<ClusterView.Command> {

  /** Messages a ClusterView handles. */
  public sealed interface Command permits NodeAttached, WorkersListed, MemberChanged, RetryAttach {}

  /** A worker's reply to {@code AttachSession}: the session's node there. */
  public record NodeAttached(String workerAddress, ActorRef<NodeSupervisor.Command> node, int cores)
      implements Command, ClusterMessage {}

  private record WorkersListed(Receptionist.Listing listing) implements Command {}

  private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

  private enum RetryAttach implements Command { INSTANCE }

  /** An unanswered attach is sent again after this long (the worker may still have been joining). */
  private static final Duration ATTACH_RETRY = Duration.ofSeconds(2);

  private final String sessionName;
  private final LiveNodes live;
  private final Map<Address, ActorRef<WorkerAgent.Command>> agents = new HashMap<>();
  private final Map<Address, LiveNodes.WorkerNode> attached = new HashMap<>();
  private final Set<Address> removed = new HashSet<>();

  public static Behavior<Command> create(String sessionName, LiveNodes live) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new ClusterView(context, timers, sessionName, live)));
  }

  private ClusterView(ActorContext<Command> context, TimerScheduler<Command> timers, String sessionName,
      LiveNodes live) {
    super(context);
    this.sessionName = sessionName;
    this.live = live;
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
        .onMessage(MemberChanged.class, this::onMemberChanged)
        .onMessageEquals(RetryAttach.INSTANCE, this::onRetryAttach)
        .build();
  }

  private Behavior<Command> onListing(WorkersListed msg) {
    Map<Address, ActorRef<WorkerAgent.Command>> listed = new HashMap<>();
    for (ActorRef<WorkerAgent.Command> agent : msg.listing().getServiceInstances(WorkerAgent.SERVICE_KEY)) {
      listed.put(agent.path().address(), agent);
    }
    agents.keySet().retainAll(listed.keySet());
    attached.keySet().retainAll(listed.keySet());
    listed.forEach((address, agent) -> {
      if (!removed.contains(address) && agents.put(address, agent) == null) {
        agent.tell(new WorkerAgent.AttachSession(sessionName, getContext().getSelf()));
      }
    });
    publish();
    return this;
  }

  private Behavior<Command> onAttached(NodeAttached msg) {
    Address address = msg.node().path().address();
    if (agents.containsKey(address)) {
      attached.put(address, new LiveNodes.WorkerNode(msg.workerAddress(), msg.node(), msg.cores()));
      publish();
    }
    return this;
  }

  private Behavior<Command> onMemberChanged(MemberChanged msg) {
    if (msg.event() instanceof ClusterEvent.MemberRemoved r) {
      Address address = r.member().address();
      removed.add(address);
      agents.remove(address);
      if (attached.remove(address) != null) {
        publish();
      }
    }
    return this;
  }

  private Behavior<Command> onRetryAttach() {
    agents.forEach((address, agent) -> {
      if (!attached.containsKey(address)) {
        agent.tell(new WorkerAgent.AttachSession(sessionName, getContext().getSelf()));
      }
    });
    return this;
  }

  private void publish() {
    live.set(new ArrayList<>(attached.values()));
  }
}
