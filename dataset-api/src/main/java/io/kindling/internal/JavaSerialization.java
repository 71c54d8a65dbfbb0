package io.kindling.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization to and from byte arrays, resolving classes through the thread's context class loader. */
public final class JavaSerialization {
  private JavaSerialization() {}

  /** The serialized form of {@code value}; a {@link java.io.NotSerializableException} names the culprit class. */
  public static byte[] toBytes(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /** Reads back what {@link #toBytes} wrote. */
  public static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  /** Resolves classes with the context class loader (where user classes live), then the default way. */
  public static final class ContextObjectInputStream extends ObjectInputStream {
    public ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall through to the default resolution
        }
      }
      return super.resolveClass(desc);
    }
  }
}
