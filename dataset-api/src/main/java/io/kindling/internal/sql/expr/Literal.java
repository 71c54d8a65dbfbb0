package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** A constant value of a type; {@code value} is null for SQL NULL. */
public record Literal(Object value, DataType dataType) implements Expression {

  public Literal {
    requireNonNull(dataType, "dataType is null");
  }

  public static final Literal NULL = new Literal(null, DataTypes.NullType);
  public static final Literal TRUE = new Literal(true, DataTypes.BooleanType);
  public static final Literal FALSE = new Literal(false, DataTypes.BooleanType);

  public static Literal of(int v) {
    return new Literal(v, DataTypes.IntegerType);
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return this;
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public boolean foldable() {
    return true;
  }

  @Override
  public String sql() {
    return value == null ? "NULL" : Values.toDisplayString(value, dataType);
  }

  @Override
  public String toString() {
    return sql();
  }
}
