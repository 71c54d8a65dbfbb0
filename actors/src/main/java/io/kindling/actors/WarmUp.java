package io.kindling.actors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URLConnection;
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
 * job's closure). Then it initializes the classes that every ActorSystem's start initializes one after another
 * (Akka's and Scala's objects, the JDK's time zones) while the session is still reading its config; it stops
 * doing that as soon as the session is about to start its ActorSystem ({@link #endClassInit}), so that the two
 * threads never initialize Akka's classes at the same time (a class that initializes another, each on one
 * thread, could deadlock them).
 */
final class WarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /**
   * Classes whose static initialization a cold ActorSystem start spends the most time in, in the order it meets
   * them. Only a head start: a name this Akka version lacks is skipped.
   */
  static final List<String> ACTOR_SYSTEM_CLASSES = List.of(
      "akka.actor.setup.ActorSystemSetup$",
      "scala.concurrent.duration.Duration$",
      "akka.util.Helpers$",
      "akka.event.Logging$",
      "akka.actor.Address$",
      "akka.actor.ActorPath$",
      "akka.actor.Props$",
      "akka.routing.Pool$",
      "akka.actor.ActorCell$",
      "akka.dispatch.AbstractNodeQueue",
      "akka.dispatch.AbstractMessageDispatcher",
      "akka.pattern.PromiseActorRef$",
      "scala.concurrent.Future$",
      "scala.concurrent.impl.Promise$",
      "java.util.concurrent.ForkJoinPool",
      "java.util.concurrent.CompletableFuture");
  /** Held while one of those classes is being initialized. */
  private static final Object CLASS_INIT = new Object();
  private static volatile boolean classInitEnded;

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
   * Called by a session's thread before it creates anything of Akka's: the warm-up initializes no class of
   * {@link #ACTOR_SYSTEM_CLASSES} after this returns, and none is being initialized by it then.
   */
  static void endClassInit() {
    classInitEnded = true;
    synchronized (CLASS_INIT) {
      // Waits for the class the warm-up may be initializing right now (a few milliseconds at most).
    }
  }

  /** Initializes the classes of {@link #ACTOR_SYSTEM_CLASSES} until {@link #endClassInit}; returns how many. */
  static int initializeActorSystemClasses() {
    ClassLoader loader = WarmUp.class.getClassLoader();
    int initialized = 0;
    for (String name : ACTOR_SYSTEM_CLASSES) {
      synchronized (CLASS_INIT) {
        if (classInitEnded) {
          break;
        }
        try {
          Class.forName(name, true, loader);
          initialized++;
        } catch (ClassNotFoundException | LinkageError e) {
          // Not in this version: the session initializes whatever it needs itself.
        }
      }
    }
    return initialized;
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
      // Typesafe Config asks each reference.conf's URL for its content type: the JDK's MIME table.
      URLConnection.getFileNameMap();
      // A session's listener bus and checkpoint directory need these as soon as its config is read.
      System.getLogger(WarmUp.class.getName());
      UUID.randomUUID();
      initializeActorSystemClasses();
      org.slf4j.LoggerFactory.getILoggerFactory();
      roundTrip();
    } catch (RuntimeException | LinkageError | IOException | ClassNotFoundException e) {
      // Only a head start: the session initializes (and reports) the same things itself when it needs them.
    }
  }
}
