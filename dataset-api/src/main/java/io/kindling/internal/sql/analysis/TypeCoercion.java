package io.kindling.internal.sql.analysis;

import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;
import java.util.Optional;

/** Spark's (non-ANSI) type rules: numeric widening, common types, and which implicit casts are allowed. */
public final class TypeCoercion {
  private static final List<DataType> NUMERIC_PRECEDENCE = List.of(DataTypes.ByteType, DataTypes.ShortType,
      DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType);

  private TypeCoercion() {}

  public static boolean isNumeric(DataType t) {
    return NUMERIC_PRECEDENCE.contains(t);
  }

  public static boolean isIntegral(DataType t) {
    return t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.LongType);
  }

  public static boolean isString(DataType t) {
    return t.equals(DataTypes.StringType);
  }

  public static boolean isNull(DataType t) {
    return t.equals(DataTypes.NullType);
  }

  public static boolean isDatetime(DataType t) {
    return t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType);
  }

  /** The wider of two numeric types: {@code int, long → long}. */
  public static DataType widerNumeric(DataType a, DataType b) {
    return NUMERIC_PRECEDENCE.indexOf(a) >= NUMERIC_PRECEDENCE.indexOf(b) ? a : b;
  }

  /**
   * The type two values can both be cast to without losing meaning, with strings absorbing other atomic
   * types but binary and boolean (as CASE WHEN, COALESCE, IN and UNION do); empty when there is none.
   */
  public static Optional<DataType> widerType(DataType a, DataType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (isNull(a)) {
      return Optional.of(b);
    }
    if (isNull(b)) {
      return Optional.of(a);
    }
    if (isNumeric(a) && isNumeric(b)) {
      return Optional.of(widerNumeric(a, b));
    }
    if (isDatetime(a) && isDatetime(b)) {
      return Optional.of(DataTypes.TimestampType);
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return widerType(x.elementType(), y.elementType())
          .map(e -> new ArrayType(e, x.containsNull() || y.containsNull()));
    }
    if ((isString(a) && promotesToString(b)) || (isString(b) && promotesToString(a))) {
      return Optional.of(DataTypes.StringType);
    }
    return Optional.empty();
  }

  /** As Spark: atomic types other than binary and boolean meet a string as a string. */
  private static boolean promotesToString(DataType t) {
    return !(t instanceof ArrayType) && !(t instanceof io.kindling.sql.types.StructType)
        && !t.equals(DataTypes.BinaryType) && !t.equals(DataTypes.BooleanType);
  }

  /** The common type of a comparison's operands (strings compare as the other side's type). */
  public static Optional<DataType> comparisonType(DataType a, DataType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (isNull(a)) {
      return Optional.of(b);
    }
    if (isNull(b)) {
      return Optional.of(a);
    }
    if (isNumeric(a) && isNumeric(b)) {
      return Optional.of(widerNumeric(a, b));
    }
    if (isDatetime(a) && isDatetime(b)) {
      return Optional.of(DataTypes.TimestampType);
    }
    if (isString(a) && (isNumeric(b) || isDatetime(b) || b.equals(DataTypes.BooleanType))) {
      return Optional.of(b);
    }
    if (isString(b) && (isNumeric(a) || isDatetime(a) || a.equals(DataTypes.BooleanType))) {
      return Optional.of(a);
    }
    if (a instanceof ArrayType && b instanceof ArrayType) {
      return widerType(a, b);
    }
    return Optional.empty();
  }

  /** True when analysis may insert a cast from {@code from} to {@code to} on its own. */
  public static boolean canImplicitCast(DataType from, DataType to) {
    if (from.equals(to) || isNull(from)) {
      return true;
    }
    if (isNumeric(to)) {
      return isNumeric(from) || isString(from);
    }
    if (isString(to)) {
      return !(from instanceof ArrayType) && !(from instanceof io.kindling.sql.types.StructType);
    }
    if (to.equals(DataTypes.DateType)) {
      return isString(from) || from.equals(DataTypes.TimestampType);
    }
    if (to.equals(DataTypes.TimestampType)) {
      return isString(from) || from.equals(DataTypes.DateType);
    }
    if (to.equals(DataTypes.BooleanType)) {
      return isString(from);
    }
    if (to instanceof ArrayType ta && from instanceof ArrayType fa) {
      return canImplicitCast(fa.elementType(), ta.elementType());
    }
    return false;
  }

  /** True when an explicit {@code cast} from {@code from} to {@code to} is allowed. */
  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || isNull(from)) {
      return true;
    }
    if (isString(to)) {
      return true;
    }
    if (isString(from)) {
      return !(to instanceof ArrayType) && !(to instanceof io.kindling.sql.types.StructType);
    }
    if (isNumeric(to)) {
      // A date casts to a number as null (Spark's non-ANSI rule), not as an analysis error.
      return isNumeric(from) || from.equals(DataTypes.BooleanType) || isDatetime(from);
    }
    if (to.equals(DataTypes.BooleanType)) {
      return isNumeric(from) || isDatetime(from);
    }
    if (to.equals(DataTypes.DateType)) {
      return from.equals(DataTypes.TimestampType);
    }
    if (to.equals(DataTypes.TimestampType)) {
      return from.equals(DataTypes.DateType) || isNumeric(from) || from.equals(DataTypes.BooleanType);
    }
    if (to.equals(DataTypes.BinaryType)) {
      return isIntegral(from);
    }
    if (to instanceof ArrayType ta && from instanceof ArrayType fa) {
      return canCast(fa.elementType(), ta.elementType());
    }
    return false;
  }

  /** {@code e} cast to {@code to} if it is not already of that type (an implicit, invisible cast). */
  public static Expression castTo(Expression e, DataType to) {
    return Cast.implicit(e, to);
  }
}
