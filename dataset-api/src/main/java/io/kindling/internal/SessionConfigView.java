package io.kindling.internal;

/**
 * Implemented by an {@link io.kindling.spi.ExecutionBackendFactory} whose sessions need the defaults of only some
 * of the classpath's {@code reference.conf} files: a session then loads its config through {@link #configLoader},
 * which parses less at start-up, and keeps it when this factory runs the session's master and
 * {@link #usesConfigLoader} says so; otherwise it loads the config from the whole classpath as usual.
 */
public interface SessionConfigView {

  /** The class loader to load a session's config with: the same classes, fewer reference.conf files. */
  ClassLoader configLoader(ClassLoader classpath);

  /** True when sessions with this master run with the config of {@link #configLoader}. */
  boolean usesConfigLoader(String master);
}
