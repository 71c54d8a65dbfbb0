package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import io.kindling.KindlingException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A short-lived client of a running cluster, for the {@code kindling status} and {@code kindling leave} commands
 * and for tests: it talks to workers' agents over Artery (same transport and serializers as the members) but
 * never joins, so it changes nothing in the membership it reports.
 */
public final class ClusterAdmin implements AutoCloseable {
  private final ClusterSettings settings;
  private final ActorSystem<Void> system;

  private ClusterAdmin(ClusterSettings settings, ActorSystem<Void> system) {
    this.settings = settings;
    this.system = system;
  }

  /** Starts a client with the cluster settings of {@code config} (transport, TLS keystores…). */
  public static ClusterAdmin connect(Config config) {
    ClusterSettings settings = ClusterSettings.from(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), settings.systemName() + "-admin",
        ClusterSystems.clientConfig(settings, config));
    return new ClusterAdmin(settings, system);
  }

  /** The status of the worker at {@code node} and the members as it sees them. */
  public WorkerAgent.WorkerStatus status(SeedNode node, Duration timeout) {
    return ask(node, WorkerAgent.GetStatus::new, timeout, "ask for the status of");
  }

  /** Asks the worker at {@code node} to leave the cluster gracefully. */
  public WorkerAgent.LeaveStarted leave(SeedNode node, Duration timeout) {
    return ask(node, WorkerAgent.Leave::new, timeout, "ask to leave");
  }

  private <R> R ask(SeedNode node, Function<ActorRef<R>, WorkerAgent.Command> message, Duration timeout,
      String what) {
    ActorRef<WorkerAgent.Command> agent = ActorRefResolver.get(system)
        .resolveActorRef(node.akkaAddress(settings.systemName()) + "/user/agent");
    try {
      return AskPattern.ask(agent, message::apply, timeout, system.scheduler()).toCompletableFuture()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted while waiting for the worker at " + node, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KindlingException("Could not " + what + " the worker at " + node + " within "
          + timeout.toSeconds() + " s over " + settings.transport().configName() + ": is a Kindling worker "
          + "listening there, with the same transport" + (settings.transport() == Transport.TLS_TCP
          ? " and a certificate from the same CA" : "") + "?", e);
    }
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new KindlingException("The cluster client did not stop within 30 s", e);
    }
  }
}
