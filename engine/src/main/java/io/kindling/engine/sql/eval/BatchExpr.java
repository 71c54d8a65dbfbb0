package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.sql.types.DataType;

/** A compiled expression: computes one vector from a batch. Used by one thread (it may keep state). */
public interface BatchExpr {

  ColumnVector eval(ColumnBatch batch);

  DataType type();

  /** True when the value is the same for every row (a literal). */
  default boolean isConstant() {
    return false;
  }

  /** The value of a constant expression. */
  default Object constantValue() {
    throw new IllegalStateException("not a constant");
  }
}
