package io.kindling.actors;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.KindlingException;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.chaos.FaultSchedule;
import io.kindling.engine.fault.NodeFaults;
import io.kindling.spi.FaultInjection;
import io.kindling.spi.FaultRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code session.faults()} for the actors runtime: each request goes to every node's supervisor, which fires it
 * at once on what it holds (a cached block, its owner) or arms it; the call returns when every node has done so.
 * The random schedule is set on the nodes' fault registries directly (one JVM in local mode).
 */
final class ActorFaults implements FaultInjection {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final List<ActorRef<NodeSupervisor.Command>> nodes;
  private final List<NodeFaults> registries;

  ActorFaults(ActorSystem<?> system, List<ActorRef<NodeSupervisor.Command>> nodes, List<NodeFaults> registries) {
    this.system = system;
    this.nodes = List.copyOf(nodes);
    this.registries = List.copyOf(registries);
  }

  @Override
  public void inject(FaultRequest request) {
    for (ActorRef<NodeSupervisor.Command> node : nodes) {
      try {
        AskPattern.<NodeSupervisor.Command, Done>askWithStatus(node,
                replyTo -> new NodeSupervisor.InjectFault(request, replyTo), TIMEOUT, system.scheduler())
            .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KindlingException("Interrupted while injecting " + request, e);
      } catch (ExecutionException e) {
        throw new KindlingException("Could not inject " + request + ": " + e.getCause().getMessage(),
            e.getCause());
      } catch (TimeoutException e) {
        throw new KindlingException("Injecting " + request + " got no answer within " + TIMEOUT.toSeconds()
            + " s", e);
      }
    }
  }

  @Override
  public void schedule(FaultSchedule schedule) {
    registries.forEach(r -> r.schedule(schedule));
  }

  @Override
  public void clear() {
    registries.forEach(NodeFaults::clear);
  }
}
