package io.kindling.actors.cluster;

import io.kindling.KindlingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * Java serialization of user values inside network messages (task results, accumulator updates), the way
 * user closures already travel: what the user's functions return must be {@code Serializable}, as in Spark.
 * Akka's own Java serializer stays off; this is only ever applied to fields the wire format declares as user
 * data. {@link Optional} values are carried too. Classes resolve through the thread's context class loader (where an application's classes live), then
 * Kindling's.
 */
public final class JavaBytes {
  private JavaBytes() {}

  /** The serialized form of {@code value}, or fails naming its class. */
  public static byte[] write(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ReplacingObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new KindlingException("Task result not serializable: an object of class "
          + (value == null ? "null" : value.getClass().getName()) + " could not be sent over the network ("
          + e + "). Return java.io.Serializable values from functions that run in a cluster", e);
    }
    return bytes.toByteArray();
  }

  /** Reads back what {@link #write} wrote. */
  public static Object read(byte[] bytes) {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not read a value received over the network: " + e
          + ". The class must be on the classpath of every member (driver and workers)", e);
    }
  }

  /**
   * Stands in for {@link Optional}, which is not serializable but is what the engine's partial results of
   * {@code reduce} and friends are made of.
   */
  private record OptionalValue(Object value) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static final class ReplacingObjectOutputStream extends ObjectOutputStream {
    ReplacingObjectOutputStream(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      return obj instanceof Optional<?> o ? new OptionalValue(o.orElse(null)) : obj;
    }
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    LoaderObjectInputStream(InputStream in) throws IOException {
      super(in);
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object obj) {
      return obj instanceof OptionalValue o ? Optional.ofNullable(o.value()) : obj;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        try {
          return Class.forName(desc.getName(), false, context);
        } catch (ClassNotFoundException e) {
          // not an application class: Kindling's loader below
        }
      }
      try {
        return Class.forName(desc.getName(), false, JavaBytes.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
