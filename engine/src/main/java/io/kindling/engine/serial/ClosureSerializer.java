package io.kindling.engine.serial;

import io.kindling.KindlingException;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.JavaSerialization;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Java serialization of job payloads (lineage and closures), as sent once per node for each job. The lineage
 * behind a persisted dataset travels apart and is decoded only by a task that has to compute that dataset (see
 * {@link DeferredLineageNode}). When something is not serializable, it finds which dataset's function holds it
 * and says so, Spark's "Task not serializable" with the culprit named.
 */
public final class ClosureSerializer {
  private ClosureSerializer() {}

  /** Stack for serializing lineage too long for the caller's thread: Java serialization recurses per dataset. */
  private static final long DEEP_STACK_BYTES = 256L << 20;

  /** Serializes a job's payload, or fails with a message naming the dataset and class at fault. */
  public static byte[] encode(JobPayload payload, String action) {
    try {
      return encodeHere(payload, action);
    } catch (StackOverflowError e) {
      return encodeOnDeepStack(payload, action);
    }
  }

  private static byte[] encodeOnDeepStack(JobPayload payload, String action) {
    Object[] outcome = new Object[1];
    Thread worker = new Thread(null, () -> {
      try {
        outcome[0] = encodeHere(payload, action);
      } catch (RuntimeException | StackOverflowError e) {
        outcome[0] = e;
      }
    }, "kindling-lineage-serializer", DEEP_STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted while serializing the lineage of " + action, e);
    }
    if (outcome[0] instanceof byte[] bytes) {
      return bytes;
    }
    if (outcome[0] instanceof StackOverflowError e) {
      throw new KindlingException("The lineage of " + action + " is too deep to serialize. Build it from"
          + " fewer transformations (collect or save an intermediate result and start again from it).", e);
    }
    throw (RuntimeException) outcome[0];
  }

  private static byte[] encodeHere(JobPayload payload, String action) {
    try {
      return DeferringEncoder.encode(payload);
    } catch (NotSerializableException e) {
      throw new KindlingException(diagnose(payload, action, e.getMessage()), e);
    } catch (IOException e) {
      throw new KindlingException("Task not serializable: " + e, e);
    }
  }

  /** Reads a payload back, resolving classes through the thread's context class loader first. */
  public static JobPayload decode(byte[] bytes) {
    try (ObjectInputStream in = new JavaSerialization.ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (JobPayload) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not read a job's lineage: " + e, e);
    }
  }

  /**
   * Reads the deferred lineage of dataset {@code what}, resolving classes through {@code loader} (that of the
   * thread that read the payload) when there is one.
   */
  static Object decodeNode(byte[] bytes, ClassLoader loader, String what) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    if (loader != null) {
      thread.setContextClassLoader(loader);
    }
    try (ObjectInputStream in = new JavaSerialization.ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not read the lineage of " + what + ": " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static String diagnose(JobPayload payload, String action, String offendingClass) {
    String hint = ". Make it Serializable, capture only serializable values (a lambda inside an instance "
        + "method captures 'this'), or create the object inside the function.";
    if (!serializes(payload.function())) {
      return "Task not serializable: the function passed to " + action + " captures an object of class "
          + offendingClass + ", which is not java.io.Serializable" + hint;
    }
    Deque<LineageNode<?>> todo = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    for (Stage s : payload.plan().stages()) {
      todo.add(s.node());
    }
    while (!todo.isEmpty()) {
      LineageNode<?> node = todo.poll();
      if (!seen.add(node.id())) {
        continue;
      }
      if (!ownStateSerializes(node)) {
        return "Task not serializable: " + node.callSite() + " (" + node.kind() + "[" + node.id()
            + "]) holds an object of class " + offendingClass + ", which is not java.io.Serializable" + hint;
      }
      for (Dependency d : node.dependencies()) {
        todo.add(d.parent());
      }
    }
    return "Task not serializable: an object of class " + offendingClass + " in the lineage of " + action
        + " is not java.io.Serializable" + hint;
  }

  /** Serializes a node without its ancestry (every other lineage node written as null): its own functions and data. */
  private static boolean ownStateSerializes(LineageNode<?> node) {
    try (ObjectOutputStream out = new WithoutAncestry(node)) {
      out.writeObject(node);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean serializes(Object value) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(value);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** An object stream that writes every lineage node but one as null. */
  private static final class WithoutAncestry extends ObjectOutputStream {
    private final LineageNode<?> node;

    WithoutAncestry(LineageNode<?> node) throws IOException {
      super(OutputStream.nullOutputStream());
      this.node = node;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      return obj instanceof LineageNode<?> other && other != node ? null : obj;
    }
  }
}
