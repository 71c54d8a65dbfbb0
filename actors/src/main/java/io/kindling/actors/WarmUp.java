package io.kindling.actors;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initializations that the first session of a JVM needs anyway and that don't depend on its config, run on a
 * daemon thread as soon as the backend factory is loaded, so that on a machine with a spare core they overlap the
 * parsing of the session's config instead of delaying the session. Each is a thread-safe, idempotent library
 * initialization that the session would otherwise trigger itself: the JDK's System.Logger lookup and secure
 * random generator (a session names its checkpoint directory with a random UUID), and the SLF4J binding (logback
 * reads its configuration, and the local ActorSystem's logger waits for that).
 */
final class WarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private WarmUp() {}

  /** Starts the warm-up once per JVM; returns at once. */
  static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(WarmUp::run, "kindling-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void run() {
    try {
      System.getLogger(WarmUp.class.getName());
      UUID.randomUUID();
      org.slf4j.LoggerFactory.getILoggerFactory();
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the session initializes (and reports) the same things itself when it needs them.
    }
  }
}
