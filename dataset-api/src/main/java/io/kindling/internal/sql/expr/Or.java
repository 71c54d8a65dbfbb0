package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** Three-valued logical {@code OR}, as in SQL. */
public record Or(Expression left, Expression right) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Or(children.get(0), children.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return left.nullable() || right.nullable();
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " OR " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return "(" + left + " OR " + right + ")";
  }
}
