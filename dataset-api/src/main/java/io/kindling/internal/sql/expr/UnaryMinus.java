package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import java.util.List;

/** {@code -child}. */
public record UnaryMinus(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new UnaryMinus(children.get(0));
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return "(- " + child.sql() + ")";
  }

  @Override
  public String toString() {
    return "-" + child;
  }
}
