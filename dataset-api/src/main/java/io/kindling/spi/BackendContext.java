package io.kindling.spi;

import com.typesafe.config.Config;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.SessionCounters;
import io.kindling.internal.StorageRegistry;
import java.util.Optional;

/** What a backend receives from the session that starts it. */
public interface BackendContext {

  /** Unique within the JVM, usable in actor and file names. */
  String sessionId();

  String appName();

  String master();

  /** The session's settings: its {@code config(k, v)} overrides over every {@code reference.conf}. */
  Config config();

  /** Number of partitions computed at once on a node (the N of {@code local[N]}). */
  int cores();

  /** The host's ActorSystem when the session was built with {@code builder().actorSystem(system)}. */
  Optional<Object> hostActorSystem();

  ListenerBus listeners();

  AccumulatorRegistry accumulators();

  /** Which datasets are persisted (and at what level) or checkpointed; jobs ship a snapshot of the levels. */
  default StorageRegistry storage() {
    return new StorageRegistry();
  }

  /** The counters behind {@code session.metrics()}, for what the runtime counts directly. */
  default SessionCounters counters() {
    return new SessionCounters();
  }
}
