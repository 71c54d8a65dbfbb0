package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** {@code child IS NOT NULL}: never null itself. */
public record IsNotNull(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new IsNotNull(children.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "(" + child.sql() + " IS NOT NULL)";
  }

  @Override
  public String toString() {
    return "(" + child + " IS NOT NULL)";
  }
}
