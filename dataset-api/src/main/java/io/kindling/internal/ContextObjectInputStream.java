package io.kindling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Java deserialization that resolves classes with the calling thread's context class loader first (where user
 * classes live when Kindling runs inside an application server or a submitted job), then the default way.
 */
public class ContextObjectInputStream extends ObjectInputStream {

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
