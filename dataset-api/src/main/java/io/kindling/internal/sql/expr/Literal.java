package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.HexFormat;
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
    if (value == null) {
      return "NULL";
    }
    // As Spark names literals: typed text for dates and timestamps, hex for bytes, plain text otherwise.
    if (dataType.equals(DataTypes.DateType)) {
      return "DATE '" + Values.toDisplayString(value, dataType) + "'";
    }
    if (dataType.equals(DataTypes.TimestampType)) {
      return "TIMESTAMP '" + Values.toDisplayString(value, dataType) + "'";
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }
    return Values.toDisplayString(value, dataType);
  }

  /** The value as plans print it (no type prefix). */
  @Override
  public String toString() {
    return value == null ? "NULL" : Values.toDisplayString(value, dataType);
  }
}
