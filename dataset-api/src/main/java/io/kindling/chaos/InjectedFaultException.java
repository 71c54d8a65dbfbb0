package io.kindling.chaos;

import io.kindling.KindlingException;

/**
 * Thrown inside a task by an injected {@link FaultKind#FAIL_ATTEMPT} fault; a job that runs out of attempts
 * fails with it as the cause.
 */
public final class InjectedFaultException extends KindlingException {
  private static final long serialVersionUID = 1L;

  public InjectedFaultException(String message) {
    super(message);
  }
}
