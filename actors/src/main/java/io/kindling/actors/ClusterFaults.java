package io.kindling.actors;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.KindlingException;
import akka.actor.typed.ActorRefResolver;
import io.kindling.actors.cluster.ClusterLinks;
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
 * fires it at once on what it holds or arms it; the call returns when every worker has done so. Node faults
 * kill a worker JVM or cut links (through the workers' agents). Random fault schedules are not shipped to
 * workers yet.
 */
final class ClusterFaults implements FaultInjection {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final LiveNodes live;
  private final List<List<String>> cut = new ArrayList<>();

  ClusterFaults(ActorSystem<?> system, LiveNodes live) {
    this.system = system;
    this.live = live;
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
    throw new UnsupportedOperationException("Random fault schedules run in local mode only for now; in cluster "
        + "mode inject faults one at a time (session.faults().killPartitionActor(...) and the others)");
  }

  @Override
  public void clear() {
    // Nothing is scheduled on workers; armed one-shot faults fire or expire with their job.
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

  @Override
  public synchronized void healNetwork() {
    for (List<String> link : cut) {
      setLink(link.get(0), link.get(1), false);
      setLink(link.get(1), link.get(0), false);
    }
    cut.clear();
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
