package io.kindling.engine.sql.eval;

import java.util.Arrays;

/** Values as hash keys with SQL's equality: -0.0 is 0.0, all NaNs are one, arrays compare by content. */
public final class Keys {
  private Keys() {}

  public static Object normalize(Object v) {
    if (v instanceof byte[] b) {
      return new BytesKey(b);
    }
    return normalizeFloating(v);
  }

  /**
   * A double or float as Spark groups and joins it: -0.0 becomes 0.0 and every NaN the one NaN; other values
   * as they are.
   */
  public static Object normalizeFloating(Object v) {
    if (v instanceof Double d) {
      if (d == 0.0d) {
        return 0.0d;
      }
      if (d.isNaN()) {
        return Double.NaN;
      }
      return d;
    }
    if (v instanceof Float f) {
      if (f == 0.0f) {
        return 0.0f;
      }
      if (f.isNaN()) {
        return Float.NaN;
      }
      return f;
    }
    return v;
  }

  /** A composite key of several values. */
  public record Composite(Object[] values) implements java.io.Serializable {
    @Override
    public boolean equals(Object o) {
      return o instanceof Composite c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** A byte array compared by content. */
  public record BytesKey(byte[] bytes) implements java.io.Serializable {
    @Override
    public boolean equals(Object o) {
      return o instanceof BytesKey b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }
}
