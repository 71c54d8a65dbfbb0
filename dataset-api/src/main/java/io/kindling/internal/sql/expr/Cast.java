package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/**
 * Converts a value to another type with Spark's (non-ANSI) rules: what can't be converted becomes null.
 * {@code userSpecified} is false for the casts analysis inserts, which column names don't show.
 */
public record Cast(Expression child, DataType dataType, boolean userSpecified) implements Expression {

  public Cast {
    requireNonNull(child, "child is null");
    requireNonNull(dataType, "dataType is null");
  }

  /** An implicit cast, as analysis inserts. */
  public static Expression implicit(Expression child, DataType to) {
    return child.dataType().equals(to) ? child : new Cast(child, to, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Cast(children.get(0), dataType, userSpecified);
  }

  @Override
  public boolean nullable() {
    return child.nullable() || forceNullable(child.dataType(), dataType);
  }

  /** Conversions that can fail on some values (and give null there). */
  static boolean forceNullable(DataType from, DataType to) {
    if (from.equals(to) || to.equals(DataTypes.StringType)) {
      return false;
    }
    if (from.equals(DataTypes.StringType)) {
      return true;
    }
    boolean fractional = from.equals(DataTypes.DoubleType) || from.equals(DataTypes.FloatType);
    boolean integral = to.equals(DataTypes.IntegerType) || to.equals(DataTypes.LongType)
        || to.equals(DataTypes.ShortType) || to.equals(DataTypes.ByteType);
    // As Spark declares them: NaN and infinities into integers, and dates into numbers or booleans (always null).
    return fractional && (integral || to.equals(DataTypes.TimestampType))
        || from.equals(DataTypes.DateType) && (to.isNumeric() || to.equals(DataTypes.BooleanType));
  }

  @Override
  public String sql() {
    return userSpecified ? "CAST(" + child.sql() + " AS " + dataType.sql() + ")" : child.sql();
  }

  @Override
  public String toString() {
    return "cast(" + child + " as " + dataType.simpleString() + ")";
  }
}
