package io.kindling.actors.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.remote.transport.ThrottlerTransportAdapter;
import io.kindling.KindlingException;

/**
 * Cuts and restores the links of this member to others, through Artery's test mode (which
 * {@code kindling.cluster.network-faults = on} enables on every member): a cut link drops every message both
 * ways, as a network partition would.
 */
final class Links {
  private Links() {}

  static void cut(ActorSystem<?> system, String peer) {
    command(system, peer, ThrottlerTransportAdapter.blackholeThrottleMode());
  }

  static void restore(ActorSystem<?> system, String peer) {
    command(system, peer, ThrottlerTransportAdapter.unthrottledThrottleMode());
  }

  /** {@code HOST:PORT} or an Akka address, as the Akka address of a member of {@code system}'s cluster. */
  static String akkaAddress(ActorSystem<?> system, String address) {
    return address.startsWith("akka://") ? address : SeedNode.parse(address).akkaAddress(system.name());
  }

  private static void command(ActorSystem<?> system, String peer, ThrottlerTransportAdapter.ThrottleMode mode) {
    if (!system.settings().config().getBoolean("akka.remote.artery.advanced.test-mode")) {
      throw new KindlingException("Cutting network links needs kindling.cluster.network-faults = on on every "
          + "member (it runs Artery in test mode)");
    }
    Address address = AddressFromURIString.parse(akkaAddress(system, peer));
    akka.actor.ExtendedActorSystem classic = (akka.actor.ExtendedActorSystem) Adapter.toClassic(system);
    ((akka.remote.RemoteActorRefProvider) classic.provider()).transport().managementCommand(
        new ThrottlerTransportAdapter.SetThrottle(address, ThrottlerTransportAdapter.bothDirection(), mode));
  }
}
