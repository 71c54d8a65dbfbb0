package io.kindling.actors;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.KindlingException;
import io.kindling.actors.cluster.LiveNodes;
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
 * fires it at once on what it holds or arms it; the call returns when every worker has done so. Random fault
 * schedules are not shipped to workers yet.
 */
final class ClusterFaults implements FaultInjection {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final LiveNodes live;

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
}
