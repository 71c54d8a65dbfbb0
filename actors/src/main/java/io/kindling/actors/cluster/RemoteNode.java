package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.kindling.actors.driver.JobActor;
import io.kindling.actors.node.NodeSupervisor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The driver's stand-in for the session's node on one worker: job actors send their node messages to it, and
 * it forwards them over the network. On the way it
 * <ul>
 *   <li>sends a job's lineage to the worker once, before the job's first partition there (so a worker that
 *       joined after the job started can take its partitions), and</li>
 *   <li>keeps track of the partitions in flight on the worker, replies flowing back through a per-job
 *       {@link ReplyTap}; when the worker is lost (downed or removed from the cluster) it tells each job that
 *       exactly those partitions were lost, and the job places them again on the remaining workers.</li>
 * </ul>
 * After a loss it answers every further partition with {@code PartitionLost} at once.
 */
final class RemoteNode extends AbstractBehavior<RemoteNode.Command> {

  /** Messages a RemoteNode handles. */
  sealed interface Command permits Forward, Replied, Lost {}

  /** A message from a job actor for the worker. */
  record Forward(NodeSupervisor.Command message) implements Command {}

  /** The worker answered an attempt (seen by the job's tap). */
  record Replied(long jobId, int stageId, int partition, int attempt) implements Command {}

  /** The worker left the cluster or was downed. */
  record Lost(String reason) implements Command {}

  private record Attempt(long jobId, int stageId, int partition, int attempt) {}

  private final String workerAddress;
  private final ActorRef<NodeSupervisor.Command> node;
  private final LineageRegistry lineage;
  private final LinkDelays links;
  private final Set<Long> registered = new HashSet<>();
  private final Map<Long, ActorRef<JobActor.Command>> taps = new HashMap<>();
  private final Map<Attempt, ActorRef<JobActor.Command>> inFlight = new HashMap<>();
  private String lostReason;

  /**
   * A RemoteNode for {@code node} on {@code workerAddress}; once started it hands {@code ready} the reference job
   * actors use.
   */
  static Behavior<Command> create(String workerAddress, ActorRef<NodeSupervisor.Command> node,
      LineageRegistry lineage, java.util.function.Consumer<ActorRef<NodeSupervisor.Command>> ready) {
    return Behaviors.setup(context -> {
      ready.accept(context.messageAdapter(NodeSupervisor.Command.class, Forward::new));
      return new RemoteNode(context, workerAddress, node, lineage);
    });
  }

  private RemoteNode(ActorContext<Command> context, String workerAddress, ActorRef<NodeSupervisor.Command> node,
      LineageRegistry lineage) {
    super(context);
    this.workerAddress = workerAddress;
    this.node = node;
    this.lineage = lineage;
    this.links = LinkDelays.get(context.getSystem());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Forward.class, this::onForward)
        .onMessage(Replied.class, this::onReplied)
        .onMessage(Lost.class, this::onLost)
        .build();
  }

  private Behavior<Command> onForward(Forward msg) {
    NodeSupervisor.Command m = msg.message();
    if (m instanceof NodeSupervisor.RegisterLineage r) {
      lineage.register(r.jobId(), r.payload());
      if (lostReason == null && registered.add(r.jobId())) {
          links.tell(node, r);
      }
    } else if (m instanceof NodeSupervisor.ComputePartition c) {
      compute(c);
    } else if (m instanceof NodeSupervisor.ForgetJob f) {
      lineage.forget(f.jobId());
      registered.remove(f.jobId());
      ActorRef<JobActor.Command> tap = taps.remove(f.jobId());
      if (tap != null) {
        getContext().stop(tap);
      }
      inFlight.keySet().removeIf(a -> a.jobId() == f.jobId());
      if (lostReason == null) {
        links.tell(node, f);
      }
    } else if (lostReason == null) {
      links.tell(node, m);
    }
    return this;
  }

  private void compute(NodeSupervisor.ComputePartition c) {
    if (lostReason != null) {
      c.replyTo().tell(new JobActor.PartitionLost(c.stageId(), c.partition(), c.attempt(), lostReason));
      return;
    }
    if (registered.add(c.jobId())) {
      byte[] payload = lineage.payload(c.jobId());
      if (payload == null) {
        c.replyTo().tell(new JobActor.PartitionLost(c.stageId(), c.partition(), c.attempt(),
            "the lineage of job " + c.jobId() + " is no longer on the driver"));
        registered.remove(c.jobId());
        return;
      }
      links.tell(node, new NodeSupervisor.RegisterLineage(c.jobId(), payload));
    }
    ActorRef<JobActor.Command> tap = taps.computeIfAbsent(c.jobId(), id -> getContext().spawn(
        ReplyTap.create(id, c.replyTo(), getContext().getSelf(), workerAddress), "job-" + id));
    inFlight.put(new Attempt(c.jobId(), c.stageId(), c.partition(), c.attempt()), c.replyTo());
    links.tell(node, new NodeSupervisor.ComputePartition(c.jobId(), c.stageId(), c.partition(), c.attempt(),
        c.stageAttempt(), tap));
  }

  private Behavior<Command> onReplied(Replied msg) {
    inFlight.remove(new Attempt(msg.jobId(), msg.stageId(), msg.partition(), msg.attempt()));
    return this;
  }

  private Behavior<Command> onLost(Lost msg) {
    if (lostReason != null) {
      return this;
    }
    lostReason = "worker " + workerAddress + " was lost (" + msg.reason() + ")";
    for (Iterator<Map.Entry<Attempt, ActorRef<JobActor.Command>>> it = inFlight.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Attempt, ActorRef<JobActor.Command>> e = it.next();
      Attempt a = e.getKey();
      e.getValue().tell(new JobActor.PartitionLost(a.stageId(), a.partition(), a.attempt(), lostReason));
      it.remove();
    }
    return this;
  }

  /**
   * Receives one job's replies from the worker, tells the RemoteNode the attempt is no longer in flight, and
   * passes the reply on to the job actor.
   */
  static final class ReplyTap extends AbstractBehavior<JobActor.Command> {
    private final long jobId;
    private final ActorRef<JobActor.Command> job;
    private final ActorRef<Command> remoteNode;
    private final String workerAddress;
    private final LinkDelays links;

    static Behavior<JobActor.Command> create(long jobId, ActorRef<JobActor.Command> job,
        ActorRef<Command> remoteNode, String workerAddress) {
      return Behaviors.setup(context -> new ReplyTap(context, jobId, job, remoteNode, workerAddress));
    }

    private ReplyTap(ActorContext<JobActor.Command> context, long jobId, ActorRef<JobActor.Command> job,
        ActorRef<Command> remoteNode, String workerAddress) {
      super(context);
      this.jobId = jobId;
      this.job = job;
      this.remoteNode = remoteNode;
      this.workerAddress = workerAddress;
      this.links = LinkDelays.get(context.getSystem());
    }

    @Override
    public Receive<JobActor.Command> createReceive() {
      return newReceiveBuilder()
          .onMessage(JobActor.PartitionDone.class, d -> pass(d, d.stageId(), d.partition(), d.attempt()))
          .onMessage(JobActor.PartitionFailed.class, f -> pass(f, f.stageId(), f.partition(), f.attempt()))
          .onMessage(JobActor.PartitionLost.class, l -> pass(l, l.stageId(), l.partition(), l.attempt()))
          .onMessage(JobActor.FetchFailed.class, f -> pass(f, f.stageId(), f.partition(), f.attempt()))
          .build();
    }

    private Behavior<JobActor.Command> pass(JobActor.Command reply, int stageId, int partition, int attempt) {
      remoteNode.tell(new Replied(jobId, stageId, partition, attempt));
      // The driver's end of a delayed link to the worker delays what comes from it, too.
      links.deliver(workerAddress, job, reply);
      return this;
    }
  }
}
