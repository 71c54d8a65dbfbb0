package io.kindling.actors.cluster;

import akka.actor.typed.ActorSystem;

/** Cuts or restores this member's link to another (fault injection); see {@code Links}. */
public final class ClusterLinks {
  private ClusterLinks() {}

  /** Cuts ({@code cut}) or restores the link from {@code system}'s member to {@code peer}. */
  public static void set(ActorSystem<?> system, String peer, boolean cut) {
    if (cut) {
      Links.cut(system, peer);
    } else {
      Links.restore(system, peer);
    }
  }
}
