package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import java.util.List;

/** {@code *}: every column of the input, expanded by analysis. */
public record Star() implements Expression {

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return this;
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("* has no type");
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return "*";
  }
}
