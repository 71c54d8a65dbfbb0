package io.kindling.sql;

import io.kindling.KindlingException;

/**
 * A DataFrame operation can't be resolved: an unknown column, a type that doesn't fit the operation, inputs
 * that don't line up. Thrown when the DataFrame is built (analysis is eager, as in Spark), before any job runs.
 */
public class AnalysisException extends KindlingException {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(message);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
