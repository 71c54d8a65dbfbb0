package io.kindling.internal.sql.expr;

import io.kindling.sql.Row;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Java values of SQL types: which type a value has, how it converts, and how Spark prints it. */
public final class Values {
  private Values() {}

  /** The SQL type of a Java value, for {@code lit(value)}; fails for values no type holds. */
  public static DataType typeOf(Object v) {
    if (v == null) {
      return DataTypes.NullType;
    }
    if (v instanceof Integer) {
      return DataTypes.IntegerType;
    }
    if (v instanceof Long) {
      return DataTypes.LongType;
    }
    if (v instanceof Double) {
      return DataTypes.DoubleType;
    }
    if (v instanceof String || v instanceof Character) {
      return DataTypes.StringType;
    }
    if (v instanceof Boolean) {
      return DataTypes.BooleanType;
    }
    if (v instanceof Float) {
      return DataTypes.FloatType;
    }
    if (v instanceof Short) {
      return DataTypes.ShortType;
    }
    if (v instanceof Byte) {
      return DataTypes.ByteType;
    }
    if (v instanceof LocalDate || v instanceof java.sql.Date) {
      return DataTypes.DateType;
    }
    if (v instanceof LocalDateTime || v instanceof java.sql.Timestamp || v instanceof Instant) {
      return DataTypes.TimestampType;
    }
    if (v instanceof BigDecimal || v instanceof BigInteger) {
      return DataTypes.DoubleType;
    }
    if (v instanceof byte[]) {
      return DataTypes.BinaryType;
    }
    if (v instanceof List<?> list) {
      DataType element = DataTypes.NullType;
      for (Object o : list) {
        if (o != null) {
          element = typeOf(o);
          break;
        }
      }
      return DataTypes.createArrayType(element);
    }
    throw new IllegalArgumentException("Unsupported literal type " + v.getClass().getName() + " " + v);
  }

  /**
   * {@code v} as the Java class that holds {@code type} in rows (Integer for int, LocalDate for date, …),
   * accepting the usual alternatives (java.sql.Date, Instant, other boxed numbers); fails naming the
   * mismatch.
   */
  public static Object normalize(Object v, DataType type) {
    if (v == null || type.equals(DataTypes.NullType)) {
      return null;
    }
    if (type.equals(DataTypes.StringType)) {
      if (v instanceof String || v instanceof Character) {
        return v.toString();
      }
    } else if (type.equals(DataTypes.IntegerType)) {
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).intValue();
      }
    } else if (type.equals(DataTypes.LongType)) {
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
    } else if (type.equals(DataTypes.DoubleType)) {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
    } else if (type.equals(DataTypes.FloatType)) {
      if (v instanceof Float || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).floatValue();
      }
    } else if (type.equals(DataTypes.ShortType)) {
      if (v instanceof Short || v instanceof Byte) {
        return ((Number) v).shortValue();
      }
    } else if (type.equals(DataTypes.ByteType)) {
      if (v instanceof Byte) {
        return v;
      }
    } else if (type.equals(DataTypes.BooleanType)) {
      if (v instanceof Boolean) {
        return v;
      }
    } else if (type.equals(DataTypes.DateType)) {
      if (v instanceof LocalDate) {
        return v;
      }
      if (v instanceof java.sql.Date d) {
        return d.toLocalDate();
      }
    } else if (type.equals(DataTypes.TimestampType)) {
      if (v instanceof LocalDateTime) {
        return v;
      }
      if (v instanceof java.sql.Timestamp t) {
        return t.toLocalDateTime();
      }
      if (v instanceof Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      }
      if (v instanceof LocalDate d) {
        return d.atStartOfDay();
      }
    } else if (type.equals(DataTypes.BinaryType)) {
      if (v instanceof byte[]) {
        return v;
      }
    } else if (type instanceof ArrayType a) {
      if (v instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
          out.add(normalize(o, a.elementType()));
        }
        return out;
      }
      if (v instanceof Object[] arr) {
        return normalize(List.of(arr), type);
      }
    } else if (type instanceof StructType s) {
      if (v instanceof Row r) {
        Object[] vals = new Object[s.size()];
        for (int i = 0; i < vals.length; i++) {
          vals[i] = normalize(r.get(i), s.get(i).dataType());
        }
        return Row.wrap(vals, s);
      }
    }
    throw new IllegalArgumentException(v.getClass().getName() + " (" + v + ") is not a valid external type for "
        + "schema of " + type.simpleString());
  }

  /** The text Spark gives a value cast to string (and {@code show()} prints); "NULL" for null. */
  public static String toDisplayString(Object v, DataType type) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof LocalDateTime t) {
      return timestampToString(t);
    }
    if (v instanceof byte[] b) {
      StringBuilder sb = new StringBuilder("[");
      String hex = HexFormat.of().withUpperCase().formatHex(b);
      for (int i = 0; i < hex.length(); i += 2) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(hex, i, i + 2);
      }
      return sb.append(']').toString();
    }
    if (v instanceof List<?> list) {
      DataType element = type instanceof ArrayType a ? a.elementType() : DataTypes.StringType;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        Object o = list.get(i);
        sb.append(o == null ? "NULL" : toDisplayString(o, element));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Row r) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        DataType ft = type instanceof StructType s ? s.get(i).dataType() : DataTypes.StringType;
        sb.append(r.get(i) == null ? "NULL" : toDisplayString(r.get(i), ft));
      }
      return sb.append('}').toString();
    }
    return v.toString();
  }

  /** {@code 2024-05-29 07:33:04} with the fraction of a second, without trailing zeros, when there is one. */
  public static String timestampToString(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(26);
    int year = t.getYear();
    // Spark writes years as ISO does: at least four digits, signed when negative or past 9999.
    if (year > 9999) {
      sb.append('+');
    } else if (year < 0) {
      sb.append('-');
    }
    pad(sb, Math.abs(year), 4);
    sb.append('-');
    pad(sb, t.getMonthValue(), 2);
    sb.append('-');
    pad(sb, t.getDayOfMonth(), 2);
    sb.append(' ');
    pad(sb, t.getHour(), 2);
    sb.append(':');
    pad(sb, t.getMinute(), 2);
    sb.append(':');
    pad(sb, t.getSecond(), 2);
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      StringBuilder frac = new StringBuilder();
      pad(frac, micros, 6);
      int end = frac.length();
      while (end > 0 && frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }
}
