package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Expression;

/** Evaluates an expression that reads no column (supplied by the engine, so folding shares its semantics). */
@FunctionalInterface
public interface ConstantEvaluator {

  /** The value of a foldable, resolved expression (null for SQL NULL). */
  Object evaluate(Expression foldable);
}
