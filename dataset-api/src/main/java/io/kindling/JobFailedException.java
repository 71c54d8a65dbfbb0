package io.kindling;

/**
 * A job failed because one of its partitions kept failing: thrown by the action. The message names the
 * dataset, the partition and the call site that made it; {@link #getCause()} is the user's own exception from
 * the last attempt.
 */
public class JobFailedException extends KindlingException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
