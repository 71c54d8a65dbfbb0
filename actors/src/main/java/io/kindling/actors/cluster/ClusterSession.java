package io.kindling.actors.cluster;

import java.util.List;

/**
 * What a session in cluster mode knows of its cluster; the backend of such a session implements it
 * ({@code session.internalContext().backend(...)}), for operations tools and tests.
 */
public interface ClusterSession {

  /** This session's member address, {@code akka://kindling@HOST:PORT}. */
  String memberAddress();

  /** The workers attached to this session now, sorted by address. */
  List<LiveNodes.WorkerNode> workers();
}
