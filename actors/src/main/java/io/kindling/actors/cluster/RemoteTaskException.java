package io.kindling.actors.cluster;

import io.kindling.KindlingException;

/**
 * A user's exception thrown on a worker whose class the driver could not re-create (not on its classpath, or
 * without a usable constructor). It prints as the original did: {@code com.acme.BadRecord: line 3}, with the
 * worker's stack trace.
 */
public final class RemoteTaskException extends KindlingException {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;

  public RemoteTaskException(String originalClassName, String message, Throwable cause) {
    super(message, cause);
    this.originalClassName = originalClassName;
  }

  /** The class name of the exception thrown on the worker. */
  public String originalClassName() {
    return originalClassName;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClassName : originalClassName + ": " + message;
  }
}
