package io.kindling.spi;

import com.typesafe.config.Config;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
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
}
