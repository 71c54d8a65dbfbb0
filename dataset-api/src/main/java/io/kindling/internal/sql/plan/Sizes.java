package io.kindling.internal.sql.plan;

import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;

/** Spark's default sizes of values, for size estimates. */
final class Sizes {
  private Sizes() {}

  static long defaultSize(DataType t) {
    if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.DateType)) {
      return 4;
    }
    if (t.equals(DataTypes.LongType) || t.equals(DataTypes.DoubleType) || t.equals(DataTypes.TimestampType)) {
      return 8;
    }
    if (t.equals(DataTypes.ShortType)) {
      return 2;
    }
    if (t.equals(DataTypes.ByteType) || t.equals(DataTypes.BooleanType) || t.equals(DataTypes.NullType)) {
      return 1;
    }
    if (t instanceof ArrayType a) {
      return defaultSize(a.elementType());
    }
    if (t instanceof StructType s) {
      long sum = 0;
      for (StructField f : s) {
        sum += defaultSize(f.dataType());
      }
      return sum;
    }
    return 20;
  }

  /** {@code a * b}, or Long.MAX_VALUE on overflow; {@code fallback} when either is negative. */
  static long multiplyExact(long a, long b, long fallback) {
    if (a < 0 || b < 0) {
      return fallback;
    }
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
