package io.kindling.actors;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.KindlingException;
import akka.actor.typed.ActorRefResolver;
import io.kindling.actors.cluster.ClusterLinks;
import io.kindling.actors.cluster.ClusterView;
import io.kindling.actors.cluster.LinkDelays;
import io.kindling.actors.cluster.LiveNodes;
import io.kindling.actors.cluster.SeedNode;
import io.kindling.actors.cluster.WorkerAgent;
import java.util.ArrayList;
import java.util.List;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.chaos.FaultSchedule;
import io.kindling.spi.FaultInjection;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code session.faults()} in cluster mode: each request goes to the session's node on every live worker, which
 * fires it at once on what it holds or arms it; the call returns when every worker has done so. A random fault
 * schedule is set on the session's node of every live worker (each draws its faults from the same seed, by
 * job, stage, partition and attempt, so where a partition runs does not change what is injected). Node faults
 * kill a worker JVM, cut links or slow them down (through the workers' agents; the driver's own end here).
 */
final class ClusterFaults implements FaultInjection {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final LiveNodes live;
  private final ActorRef<ClusterView.Command> view;
  private final List<List<String>> cut = new ArrayList<>();
  private final List<List<String>> delayed = new ArrayList<>();

  /** {@code view}: the session's cluster view, which workers know the session by. */
  ClusterFaults(ActorSystem<?> system, LiveNodes live, ActorRef<ClusterView.Command> view) {
    this.system = system;
    this.live = live;
    this.view = view;
  }

  @Override
  public void inject(FaultRequest request) {
    for (LiveNodes.WorkerNode worker : live.snapshot()) {
      ActorRef<NodeSupervisor.Command> node = worker.node();
      try {
        AskPattern.<NodeSupervisor.Command, Done>askWithStatus(node,
                replyTo -> new NodeSupervisor.InjectFault(request, replyTo), TIMEOUT, system.scheduler())
            .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KindlingException("Interrupted while injecting " + request, e);
      } catch (ExecutionException e) {
        throw new KindlingException("Could not inject " + request + " on " + worker.address() + ": "
            + e.getCause().getMessage(), e.getCause());
      } catch (TimeoutException e) {
        throw new KindlingException("Injecting " + request + " got no answer from " + worker.address() + " within "
            + TIMEOUT.toSeconds() + " s", e);
      }
    }
  }

  @Override
  public void schedule(FaultSchedule schedule) {
    setSchedule(true, schedule.seed(), schedule.rate());
  }

  /** Disarms the schedule and every armed fault on every live worker. */
  @Override
  public void clear() {
    setSchedule(false, 0, 0);
  }

  private void setSchedule(boolean on, long seed, double rate) {
    for (LiveNodes.WorkerNode worker : live.snapshot()) {
      try {
        AskPattern.<WorkerAgent.Command, Done>ask(agent(worker.address()),
                replyTo -> new WorkerAgent.SetFaultSchedule(view, on, seed, rate, replyTo), TIMEOUT,
                system.scheduler())
            .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KindlingException("Interrupted while setting the fault schedule", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new KindlingException("Could not set the fault schedule on " + worker.address() + ": " + e
            + ". Is the worker still up?", e);
      }
    }
  }

  @Override
  public boolean supportsNodeFaults() {
    return true;
  }

  @Override
  public void killNode(String address) {
    agent(address).tell(WorkerAgent.Halt.INSTANCE);
  }

  /** Cuts {@code a}–{@code b} at both ends; an end that is this session's own member is cut here. */
  @Override
  public synchronized void partitionNetwork(String a, String b) {
    String first = ClusterFaults.normalize(system, a);
    String second = ClusterFaults.normalize(system, b);
    setLink(first, second, true);
    setLink(second, first, true);
    cut.add(List.of(first, second));
  }

  /** Delays {@code a}–{@code b} at both ends; an end that is this session's own member is delayed here. */
  @Override
  public synchronized void delayNetwork(String a, String b, Duration delay) {
    String first = ClusterFaults.normalize(system, a);
    String second = ClusterFaults.normalize(system, b);
    setDelay(first, second, delay);
    setDelay(second, first, delay);
    delayed.add(List.of(first, second));
  }

  @Override
  public synchronized void healNetwork() {
    for (List<String> link : cut) {
      setLink(link.get(0), link.get(1), false);
      setLink(link.get(1), link.get(0), false);
    }
    cut.clear();
    for (List<String> link : delayed) {
      setDelay(link.get(0), link.get(1), Duration.ZERO);
      setDelay(link.get(1), link.get(0), Duration.ZERO);
    }
    delayed.clear();
  }

  private void setDelay(String member, String peer, Duration delay) {
    if (member.equals(system.address().toString())) {
      LinkDelays.get(system).set(peer, delay);
    } else {
      agent(member).tell(new WorkerAgent.SetLinkDelay(peer, delay.toMillis()));
    }
  }

  private void setLink(String member, String peer, boolean cutIt) {
    if (member.equals(system.address().toString())) {
      ClusterLinks.set(system, peer, cutIt);
    } else {
      agent(member).tell(new WorkerAgent.SetLink(peer, cutIt));
    }
  }

  private ActorRef<WorkerAgent.Command> agent(String address) {
    return ActorRefResolver.get(system).resolveActorRef(normalize(system, address) + "/user/agent");
  }

  private static String normalize(ActorSystem<?> system, String address) {
    return address.startsWith("akka://") ? address : SeedNode.parse(address).akkaAddress(system.name());
  }
}
