package io.kindling.actors.cluster;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exception in a form every member can read, whatever classes it has: class name, message, stack trace and
 * causes. {@link #toThrowable()} re-creates the original type when its class is on the receiver's classpath
 * and has a usual constructor, else a {@link RemoteTaskException} that prints the same.
 */
public record PortableError(String className, String message, List<Frame> stack, PortableError cause)
    implements ClusterMessage {
  /** Causes deeper than this are cut: enough for any real chain, and cycles can't recurse forever. */
  private static final int MAX_CAUSES = 16;

  public PortableError {
    requireNonNull(className, "className is null");
    stack = List.copyOf(stack);
  }

  /** One stack frame, as {@link StackTraceElement} has it. */
  public record Frame(String classLoaderName, String moduleName, String moduleVersion, String declaringClass,
      String methodName, String fileName, int lineNumber) {
    public Frame(String declaringClass, String methodName, String fileName, int lineNumber) {
      this(null, null, null, declaringClass, methodName, fileName, lineNumber);
    }

    static Frame of(StackTraceElement e) {
      return new Frame(e.getClassLoaderName(), e.getModuleName(), e.getModuleVersion(), e.getClassName(),
          e.getMethodName(), e.getFileName(), e.getLineNumber());
    }

    StackTraceElement toElement() {
      return new StackTraceElement(classLoaderName, moduleName, moduleVersion, declaringClass, methodName,
          fileName, lineNumber);
    }
  }

  public static PortableError of(Throwable t) {
    return of(t, new IdentityHashMap<>(), 0);
  }

  private static PortableError of(Throwable t, Map<Throwable, Boolean> seen, int depth) {
    seen.put(t, Boolean.TRUE);
    Throwable next = t.getCause();
    PortableError cause = next == null || seen.containsKey(next) || depth >= MAX_CAUSES
        ? null : of(next, seen, depth + 1);
    List<Frame> frames = new ArrayList<>();
    for (StackTraceElement e : t.getStackTrace()) {
      frames.add(Frame.of(e));
    }
    String className = t instanceof RemoteTaskException r ? r.originalClassName() : t.getClass().getName();
    return new PortableError(className, t.getMessage(), frames, cause);
  }

  /** The exception, re-created as its own class where possible. */
  public Throwable toThrowable() {
    Throwable causeThrowable = cause == null ? null : cause.toThrowable();
    Throwable t = instantiate(causeThrowable);
    t.setStackTrace(stack.stream().map(Frame::toElement).toArray(StackTraceElement[]::new));
    return t;
  }

  private Throwable instantiate(Throwable causeThrowable) {
    Class<? extends Throwable> type = loadThrowableClass();
    if (type != null) {
      for (Constructor<?> c : type.getConstructors()) {
        Throwable t = tryConstruct(c, causeThrowable);
        if (t != null && java.util.Objects.equals(t.getMessage(), message)) {
          if (causeThrowable != null && t.getCause() == null) {
            try {
              t.initCause(causeThrowable);
            } catch (IllegalStateException | IllegalArgumentException e) {
              // the class fixes its cause itself: keep what its constructor chose
            }
          }
          if (causeThrowable == null || t.getCause() == causeThrowable) {
            return t;
          }
        }
      }
    }
    return new RemoteTaskException(className, message, causeThrowable);
  }

  /**
   * Calls a constructor shaped like the usual ones — (message, cause), (cause), (message), () — or returns
   * null when it has another shape or throws.
   */
  private Throwable tryConstruct(Constructor<?> c, Throwable causeThrowable) {
    Class<?>[] p = c.getParameterTypes();
    Object[] args;
    if (p.length == 2 && p[0] == String.class && causeThrowable != null && p[1].isInstance(causeThrowable)) {
      args = new Object[] {message, causeThrowable};
    } else if (p.length == 1 && p[0] != String.class && causeThrowable != null && p[0].isInstance(causeThrowable)) {
      args = new Object[] {causeThrowable};
    } else if (p.length == 1 && p[0] == String.class) {
      args = new Object[] {message};
    } else if (p.length == 0) {
      args = new Object[0];
    } else {
      return null;
    }
    try {
      return (Throwable) c.newInstance(args);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private Class<? extends Throwable> loadThrowableClass() {
    for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
        PortableError.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        Class<?> c = Class.forName(className, false, loader);
        if (Throwable.class.isAssignableFrom(c)) {
          return c.asSubclass(Throwable.class);
        }
        return null;
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    return null;
  }
}
