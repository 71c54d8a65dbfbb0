package io.kindling.internal.lineage;

/**
 * Carries a checked exception thrown by a user function out of an {@link java.util.Iterator}; the task runner
 * unwraps it so the user sees their own exception as the cause.
 */
public final class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserCodeException(Throwable cause) {
    super(cause);
  }

  /** Rethrows unchecked exceptions and errors as they are, and wraps checked ones. */
  public static RuntimeException wrap(Exception e) {
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new UserCodeException(e);
  }

  /** The user's exception inside any wrapping. */
  public static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while (current instanceof UserCodeException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
