package io.kindling;

/** The root of every exception Kindling throws for a user-visible failure. */
public class KindlingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KindlingException(String message) {
    super(message);
  }

  public KindlingException(String message, Throwable cause) {
    super(message, cause);
  }
}
