package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** Logical negation; NOT NULL is NULL. */
public record Not(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Not(children.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return "(NOT " + child.sql() + ")";
  }

  @Override
  public String toString() {
    return "NOT " + child;
  }
}
