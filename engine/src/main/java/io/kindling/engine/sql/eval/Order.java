package io.kindling.engine.sql.eval;

import io.kindling.sql.Row;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** Spark's ordering of values: numbers numerically (NaN largest), strings by UTF-8 bytes, false before true. */
public final class Order {
  private Order() {}

  /** -0.0 equals 0.0 and NaN equals NaN (and is larger than everything else). */
  public static int compareDoubles(double a, double b) {
    return a == b ? 0 : Double.compare(a, b);
  }

  public static int compareFloats(float a, float b) {
    return a == b ? 0 : Float.compare(a, b);
  }

  /** Strings in UTF-8 byte order (which is code point order; UTF-16 order differs above U+D7FF). */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs == ys) {
          return x - y;
        }
        // A surrogate (a supplementary code point) sorts after every BMP character.
        return xs ? 1 : -1;
      }
    }
    return a.length() - b.length();
  }

  /** Compares two non-null values of the same SQL type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object a, Object b) {
    if (a instanceof Double x) {
      return compareDoubles(x, (Double) b);
    }
    if (a instanceof Float x) {
      return compareFloats(x, (Float) b);
    }
    if (a instanceof String x) {
      return compareStrings(x, (String) b);
    }
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      int n = Math.min(x.size(), y.size());
      for (int i = 0; i < n; i++) {
        int c = compareNullsFirst(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof Row x) {
      Row y = (Row) b;
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int c = compareNullsFirst(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof LocalDate || a instanceof LocalDateTime || a instanceof Comparable) {
      return ((Comparable) a).compareTo(b);
    }
    throw new IllegalArgumentException("values of " + a.getClass().getName() + " are not ordered");
  }

  /** Nulls before values. */
  public static int compareNullsFirst(Object a, Object b) {
    if (a == null) {
      return b == null ? 0 : -1;
    }
    if (b == null) {
      return 1;
    }
    return compareValues(a, b);
  }

  /** Equality as SQL sees it for grouping and joins: -0.0 equals 0.0, NaN equals NaN. */
  public static boolean equalValues(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return compareDoubles(x, y) == 0;
    }
    if (a instanceof Float x && b instanceof Float y) {
      return compareFloats(x, y) == 0;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a.equals(b);
  }
}
