package io.kindling.spi;

/**
 * Makes execution backends; found with {@link java.util.ServiceLoader}, so a user adds the backend's jar
 * (kindling-actors) and writes no backend code.
 */
public interface ExecutionBackendFactory {

  /** True when this factory runs sessions with the given master URL. */
  boolean supports(String master);

  /** Starts a backend for one session. */
  ExecutionBackend create(BackendContext context);
}
