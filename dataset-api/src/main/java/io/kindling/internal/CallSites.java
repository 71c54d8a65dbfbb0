package io.kindling.internal;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Finds the user's line that called into the API, for names like {@code map at WordCount.java:23}: the first
 * stack frame whose class is not part of Kindling's own jars (nor the JDK).
 */
public final class CallSites {
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final CodeSource API_SOURCE = CallSites.class.getProtectionDomain().getCodeSource();

  private CallSites() {}

  /** {@code operation at File.java:line}. */
  public static String of(String operation) {
    return operation + " at " + userFrame();
  }

  /** {@code File.java:line} of the first user frame, or {@code unknown}. */
  public static String userFrame() {
    return WALKER.walk(frames -> frames
        .filter(f -> !isInternal(f.getDeclaringClass()))
        .findFirst()
        .map(f -> f.getFileName() + ":" + f.getLineNumber())
        .orElse("unknown"));
  }

  private static boolean isInternal(Class<?> type) {
    String name = type.getName();
    if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
      return true;
    }
    if (!name.startsWith("io.kindling.")) {
      return false;
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    // Kindling's own classes live in the API jar (or, in a reactor build, its classes directory); user and
    // test classes in io.kindling packages come from elsewhere and count as user code.
    return source == null || Objects.equals(source.getLocation(), API_SOURCE.getLocation())
        || name.startsWith("io.kindling.engine.") || name.startsWith("io.kindling.actors.");
  }
}
