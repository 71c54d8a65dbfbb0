package io.kindling.engine.sql.eval;

/** What compiled expressions may need of the task evaluating them. */
public record EvalContext(int partitionIndex) {
  public static final EvalContext DRIVER = new EvalContext(0);
}
