package io.kindling.actors;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import io.kindling.KindlingException;

/** Accepts a host application's ActorSystem, typed or classic, for {@code builder().actorSystem(system)}. */
final class HostSystems {
  private HostSystems() {}

  @SuppressWarnings("unchecked")
  static ActorSystem<Void> typed(Object host) {
    if (host instanceof ActorSystem<?> typed) {
      return (ActorSystem<Void>) typed;
    }
    if (host instanceof akka.actor.ActorSystem classic) {
      return (ActorSystem<Void>) (ActorSystem<?>) Adapter.toTyped(classic);
    }
    throw new KindlingException("builder().actorSystem(...) takes an Akka 2.6 ActorSystem (typed or classic), "
        + "not " + host.getClass().getName());
  }
}
