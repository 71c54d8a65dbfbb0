package io.kindling.actors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initializations that the first session of a JVM needs anyway and that don't depend on its config, run on a
 * daemon thread as soon as the backend factory is loaded, so that on a machine with a spare core they overlap the
 * parsing of the session's config instead of delaying the session. Each is a thread-safe, idempotent library
 * initialization that the session would otherwise trigger itself: the JDK's System.Logger lookup and secure
 * random generator (a session names its checkpoint directory with a random UUID), the SLF4J binding (logback
 * reads its configuration, and the local ActorSystem's logger waits for that), and Java serialization (each
 * job's closure).
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

  /**
   * Java serialization of a serializable lambda and a list of boxed numbers, as every job's closure and lineage
   * take (on the caller's thread, then on the compute threads): its descriptor and method-handle machinery is
   * then ready for the first job.
   */
  private static void roundTrip() throws IOException, ClassNotFoundException {
    Object value = List.of(new ArrayList<>(List.of(1, 2L)), (Function<Integer, Integer> & Serializable) x -> x + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
    }
  }

  private static void run() {
    try {
      System.getLogger(WarmUp.class.getName());
      UUID.randomUUID();
      org.slf4j.LoggerFactory.getILoggerFactory();
      roundTrip();
    } catch (RuntimeException | LinkageError | IOException | ClassNotFoundException e) {
      // Only a head start: the session initializes (and reports) the same things itself when it needs them.
    }
  }
}
