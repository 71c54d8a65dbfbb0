package io.kindling.engine.fault;

/**
 * Ends the computation of a partition whose actor was just killed on purpose: the actor's supervisor restarts it
 * and the new incarnation computes the partition again, so what this computation would have produced is not
 * needed.
 */
public final class ActorKilledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActorKilledException(String message) {
    super(message, null, false, false);
  }
}
