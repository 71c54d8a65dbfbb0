package io.kindling.engine.format;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.io.Serializable;

/**
 * A column type during inference, in Spark's lattice: null, int, long, decimal(p,s), double, date, timestamp,
 * boolean, string. Kept apart from {@link DataType} because Spark infers decimals, which Kindling's types do not
 * have yet: {@link #toDataType()} turns a decimal into DoubleType (Spark would say decimal(p,s)).
 */
public record InferredType(Kind kind, int precision, int scale) implements Serializable {

  /** The kinds, in the order Spark tries them. */
  public enum Kind { NULL, INT, LONG, DECIMAL, DOUBLE, DATE, TIMESTAMP, BOOLEAN, STRING }

  public static final InferredType NULL = new InferredType(Kind.NULL, 0, 0);
  public static final InferredType INT = new InferredType(Kind.INT, 0, 0);
  public static final InferredType LONG = new InferredType(Kind.LONG, 0, 0);
  public static final InferredType DOUBLE = new InferredType(Kind.DOUBLE, 0, 0);
  public static final InferredType DATE = new InferredType(Kind.DATE, 0, 0);
  public static final InferredType TIMESTAMP = new InferredType(Kind.TIMESTAMP, 0, 0);
  public static final InferredType BOOLEAN = new InferredType(Kind.BOOLEAN, 0, 0);
  public static final InferredType STRING = new InferredType(Kind.STRING, 0, 0);
  private static final int MAX_PRECISION = 38;

  /** A decimal type, or null when Spark could not make one (precision over 38, negative scale). */
  public static InferredType decimal(int precision, int scale) {
    if (precision > MAX_PRECISION || scale < 0 || scale > precision) {
      return null;
    }
    return new InferredType(Kind.DECIMAL, precision, scale);
  }

  /** The Kindling type: NULL becomes StringType (as Spark's CSV inference does), DECIMAL becomes DoubleType. */
  public DataType toDataType() {
    return switch (kind) {
      case NULL, STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DECIMAL, DOUBLE -> DataTypes.DoubleType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  private boolean isIntegral() {
    return kind == Kind.INT || kind == Kind.LONG;
  }

  private InferredType asDecimal() {
    return switch (kind) {
      case INT -> decimal(10, 0);
      case LONG -> decimal(20, 0);
      default -> this;
    };
  }

  /**
   * Spark's {@code findTightestCommonType}: the same type, null with anything, numbers widened (int, long,
   * double), an integral inside a wide-enough decimal, date with timestamp; null when there is none.
   */
  public static InferredType tightest(InferredType a, InferredType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.kind == Kind.NULL) {
      return b;
    }
    if (b.kind == Kind.NULL) {
      return a;
    }
    if (a.kind == Kind.DECIMAL && b.isIntegral()) {
      return wider(a, b) ? a : null;
    }
    if (b.kind == Kind.DECIMAL && a.isIntegral()) {
      return wider(b, a) ? b : null;
    }
    if (isPlainNumber(a) && isPlainNumber(b)) {
      return a.kind.ordinal() >= b.kind.ordinal() ? a : b;
    }
    if (isDatetime(a) && isDatetime(b)) {
      return TIMESTAMP;
    }
    return null;
  }

  private static boolean wider(InferredType decimal, InferredType integral) {
    InferredType d = integral.asDecimal();
    return decimal.precision - decimal.scale >= d.precision - d.scale;
  }

  private static boolean isPlainNumber(InferredType t) {
    return t.kind == Kind.INT || t.kind == Kind.LONG || t.kind == Kind.DOUBLE;
  }

  private static boolean isDatetime(InferredType t) {
    return t.kind == Kind.DATE || t.kind == Kind.TIMESTAMP;
  }

  /** Two decimals merged as Spark does (double when the result would need more than 38 digits). */
  public static InferredType mergeDecimals(InferredType a, InferredType b) {
    int scale = Math.max(a.scale, b.scale);
    int range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > MAX_PRECISION ? DOUBLE : new InferredType(Kind.DECIMAL, range + scale, scale);
  }

  /** Spark's CSV {@code compatibleType}: tightest, else string wins, decimals merge, double over decimal. */
  public static InferredType csvCompatible(InferredType a, InferredType b) {
    InferredType t = tightest(a, b);
    if (t != null) {
      return t;
    }
    if (a.kind == Kind.STRING || b.kind == Kind.STRING) {
      return STRING;
    }
    if (a.isIntegral() && b.kind == Kind.DECIMAL) {
      return csvCompatible(a.asDecimal(), b);
    }
    if (a.kind == Kind.DECIMAL && b.isIntegral()) {
      return csvCompatible(a, b.asDecimal());
    }
    if (a.kind == Kind.DOUBLE && b.kind == Kind.DECIMAL || a.kind == Kind.DECIMAL && b.kind == Kind.DOUBLE) {
      return DOUBLE;
    }
    if (a.kind == Kind.DECIMAL && b.kind == Kind.DECIMAL) {
      return mergeDecimals(a, b);
    }
    return STRING;
  }

  @Override
  public String toString() {
    return kind == Kind.DECIMAL ? "decimal(" + precision + "," + scale + ")" : kind.name().toLowerCase();
  }
}
