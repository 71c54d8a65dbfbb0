package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.internal.sql.expr.Values;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Spark's (non-ANSI) casts: what can't be converted becomes null. */
public final class Casts {
  private Casts() {}

  /** The cast evaluator. */
  record CastExpr(BatchExpr child, DataType type) implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      ColumnVector v = child.eval(batch);
      return cast(v, type, batch.numRows());
    }
  }

  /** {@code v} converted to {@code to}. */
  public static ColumnVector cast(ColumnVector v, DataType to, int n) {
    DataType from = v.type();
    if (from.equals(to)) {
      return v;
    }
    if (v instanceof IntVector iv && !from.equals(DataTypes.DateType)) {
      if (to.equals(DataTypes.DoubleType)) {
        int[] a = iv.values();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
          c[i] = a[i];
        }
        return new DoubleVector(c, v.nulls(), n);
      }
      if (to.equals(DataTypes.LongType)) {
        int[] a = iv.values();
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
          c[i] = a[i];
        }
        return new LongVector(DataTypes.LongType, c, v.nulls(), n);
      }
      if (to.equals(DataTypes.IntegerType)) {
        return new IntVector(DataTypes.IntegerType, iv.values(), v.nulls(), n);
      }
    }
    if (v instanceof LongVector lv && from.equals(DataTypes.LongType) && to.equals(DataTypes.DoubleType)) {
      long[] a = lv.values();
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = a[i];
      }
      return new DoubleVector(c, v.nulls(), n);
    }
    if (v instanceof StringVector s && s.isDictionary()) {
      // Convert each distinct string once.
      String[] dict = s.dictionary();
      Object[] converted = new Object[dict.length];
      for (int d = 0; d < dict.length; d++) {
        converted[d] = dict[d] == null ? null : convert(dict[d], from, to);
      }
      int[] codes = s.codes();
      VectorBuilder out = VectorBuilder.forType(to, n);
      for (int i = 0; i < n; i++) {
        out.append(s.isNull(i) ? null : converted[codes[i]]);
      }
      return out.build();
    }
    VectorBuilder out = VectorBuilder.forType(to, n);
    for (int i = 0; i < n; i++) {
      Object x = v.get(i);
      out.append(x == null ? null : convert(x, from, to));
    }
    return out.build();
  }

  /** One non-null value converted, or null where Spark gives null. */
  public static Object convert(Object v, DataType from, DataType to) {
    if (from.equals(to)) {
      return v;
    }
    if (to.equals(DataTypes.StringType)) {
      return Values.toDisplayString(v, from);
    }
    if (from.equals(DataTypes.NullType)) {
      return null;
    }
    if (v instanceof String s) {
      return fromString(s, to);
    }
    if (to instanceof ArrayType a && v instanceof List<?> list) {
      DataType fromElement = ((ArrayType) from).elementType();
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(o == null ? null : convert(o, fromElement, a.elementType()));
      }
      return out;
    }
    if (v instanceof Boolean b) {
      int x = b ? 1 : 0;
      return fromLong(x, to);
    }
    if (v instanceof LocalDate d) {
      if (to.equals(DataTypes.TimestampType)) {
        return d.atStartOfDay();
      }
      return null;
    }
    if (v instanceof LocalDateTime t) {
      if (to.equals(DataTypes.DateType)) {
        return t.toLocalDate();
      }
      long micros = io.kindling.engine.sql.vector.Timestamps.toMicros(t);
      if (to.equals(DataTypes.DoubleType)) {
        return micros / 1_000_000.0;
      }
      if (to.equals(DataTypes.FloatType)) {
        return (float) (micros / 1_000_000.0);
      }
      if (to.equals(DataTypes.BooleanType)) {
        return micros != 0;
      }
      return fromLong(Math.floorDiv(micros, 1_000_000L), to);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (to.equals(DataTypes.DoubleType)) {
        return d;
      }
      if (to.equals(DataTypes.FloatType)) {
        return (float) d;
      }
      if (to.equals(DataTypes.BooleanType)) {
        return d != 0;
      }
      if (to.equals(DataTypes.TimestampType)) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return null;
        }
        return io.kindling.engine.sql.vector.Timestamps.toLocalDateTime((long) (d * 1_000_000L));
      }
      if (to.equals(DataTypes.LongType)) {
        return (long) d;
      }
      int i = (int) d;
      if (to.equals(DataTypes.IntegerType)) {
        return (int) d;
      }
      if (to.equals(DataTypes.ShortType)) {
        return (short) i;
      }
      if (to.equals(DataTypes.ByteType)) {
        return (byte) i;
      }
      return null;
    }
    if (v instanceof Number num) {
      if (to.equals(DataTypes.BinaryType)) {
        return bigEndianBytes(num);
      }
      return fromLong(num.longValue(), to);
    }
    return null;
  }

  /** Spark's integral-to-binary cast: the value's own width (1, 2, 4 or 8 bytes), big-endian. */
  private static byte[] bigEndianBytes(Number num) {
    int width = num instanceof Byte ? 1 : num instanceof Short ? 2 : num instanceof Integer ? 4 : 8;
    byte[] out = new byte[width];
    long x = num.longValue();
    for (int i = width - 1; i >= 0; i--) {
      out[i] = (byte) x;
      x >>= 8;
    }
    return out;
  }

  private static Object fromLong(long x, DataType to) {
    if (to.equals(DataTypes.LongType)) {
      return x;
    }
    if (to.equals(DataTypes.IntegerType)) {
      return (int) x;
    }
    if (to.equals(DataTypes.ShortType)) {
      return (short) x;
    }
    if (to.equals(DataTypes.ByteType)) {
      return (byte) x;
    }
    if (to.equals(DataTypes.DoubleType)) {
      return (double) x;
    }
    if (to.equals(DataTypes.FloatType)) {
      return (float) x;
    }
    if (to.equals(DataTypes.BooleanType)) {
      return x != 0;
    }
    if (to.equals(DataTypes.TimestampType)) {
      return io.kindling.engine.sql.vector.Timestamps.toLocalDateTime(x * 1_000_000L);
    }
    return null;
  }

  /** Spark's string conversions: surrounding white space is ignored; unreadable text gives null. */
  public static Object fromString(String raw, DataType to) {
    String s = trimAll(raw);
    if (to.equals(DataTypes.IntegerType) || to.equals(DataTypes.LongType) || to.equals(DataTypes.ShortType)
        || to.equals(DataTypes.ByteType)) {
      Long x = parseIntegral(s);
      if (x == null) {
        return null;
      }
      long lo = to.equals(DataTypes.LongType) ? Long.MIN_VALUE : to.equals(DataTypes.IntegerType)
          ? Integer.MIN_VALUE : to.equals(DataTypes.ShortType) ? Short.MIN_VALUE : Byte.MIN_VALUE;
      long hi = to.equals(DataTypes.LongType) ? Long.MAX_VALUE : to.equals(DataTypes.IntegerType)
          ? Integer.MAX_VALUE : to.equals(DataTypes.ShortType) ? Short.MAX_VALUE : Byte.MAX_VALUE;
      if (x < lo || x > hi) {
        return null;
      }
      return fromLong(x, to);
    }
    if (to.equals(DataTypes.DoubleType) || to.equals(DataTypes.FloatType)) {
      Double d = parseDouble(s);
      if (d == null) {
        return null;
      }
      return to.equals(DataTypes.DoubleType) ? (Object) d : (Object) d.floatValue();
    }
    if (to.equals(DataTypes.BooleanType)) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
        case "f", "false", "n", "no", "0" -> Boolean.FALSE;
        default -> null;
      };
    }
    if (to.equals(DataTypes.DateType)) {
      return parseDate(s);
    }
    if (to.equals(DataTypes.TimestampType)) {
      return parseTimestamp(s);
    }
    if (to.equals(DataTypes.BinaryType)) {
      return raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return null;
  }

  /** Integral text, with an optional fraction that is dropped (as Spark does); null when not a number. */
  static Long parseIntegral(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i = 1;
      if (s.length() == 1) {
        return null;
      }
    }
    long result = 0;
    int digits = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        break;
      }
      if (c < '0' || c > '9') {
        return null;
      }
      int d = c - '0';
      if (result < (Long.MIN_VALUE + d) / 10) {
        return null;
      }
      result = result * 10 - d;
      digits++;
    }
    if (i < s.length()) {
      for (int j = i + 1; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
      }
      if (digits == 0 && i + 1 == s.length()) {
        return null;
      }
    }
    if (!negative) {
      if (result == Long.MIN_VALUE) {
        return null;
      }
      result = -result;
    }
    return result;
  }

  static Double parseDouble(String s) {
    if (s.isEmpty()) {
      return null;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan" -> {
        return Double.NaN;
      }
      default -> {
      }
    }
    char last = lower.charAt(lower.length() - 1);
    if (!(Character.isDigit(last) || last == '.' || last == 'd' || last == 'f')) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code yyyy}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d}, optionally followed by a space or T and more. */
  public static LocalDate parseDate(String s) {
    int[] parts = new int[3];
    int pos = parseDateParts(s, parts);
    if (pos < 0) {
      return null;
    }
    if (pos < s.length() && s.charAt(pos) != ' ' && s.charAt(pos) != 'T') {
      return null;
    }
    try {
      return LocalDate.of(parts[0], parts[1], parts[2]);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Reads {@code yyyy[-m[m][-d[d]]]}; returns the position after it, or -1. */
  private static int parseDateParts(String s, int[] out) {
    int i = 0;
    int n = s.length();
    boolean negative = false;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int start = i;
    int year = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && i - start < 7) {
      year = year * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i - start < 4) {
      return -1;
    }
    out[0] = negative ? -year : year;
    out[1] = 1;
    out[2] = 1;
    if (i == n || s.charAt(i) != '-') {
      return i == n ? i : (s.charAt(i) == ' ' || s.charAt(i) == 'T' ? -1 : -1);
    }
    i++;
    int m = 0;
    int ms = i;
    while (i < n && Character.isDigit(s.charAt(i)) && i - ms < 2) {
      m = m * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i == ms) {
      return -1;
    }
    out[1] = m;
    if (i == n) {
      return i;
    }
    if (s.charAt(i) != '-') {
      return -1;
    }
    i++;
    int d = 0;
    int ds = i;
    while (i < n && Character.isDigit(s.charAt(i)) && i - ds < 2) {
      d = d * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i == ds) {
      return -1;
    }
    out[2] = d;
    return i;
  }

  /** Spark's timestamp text: a date, then optionally {@code [ T]h[h]:m[m][:s[s][.fraction]]} and a zone. */
  public static LocalDateTime parseTimestamp(String s) {
    int[] parts = new int[3];
    int i = parseDateParts(s, parts);
    if (i < 0) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(parts[0], parts[1], parts[2]);
    } catch (java.time.DateTimeException e) {
      return null;
    }
    int n = s.length();
    if (i == n) {
      return date.atStartOfDay();
    }
    if (s.charAt(i) != ' ' && s.charAt(i) != 'T') {
      return null;
    }
    i++;
    int[] t = new int[3];
    int field = 0;
    while (field < 3) {
      int start = i;
      int v = 0;
      while (i < n && Character.isDigit(s.charAt(i)) && i - start < 2) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return field == 0 && i == n ? date.atStartOfDay() : null;
      }
      t[field++] = v;
      if (i < n && s.charAt(i) == ':' && field < 3) {
        i++;
      } else {
        break;
      }
    }
    if (field < 2) {
      return null;
    }
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      int digits = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        if (digits < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
          digits++;
        }
        i++;
      }
      if (i == start) {
        return null;
      }
      for (int d = digits; d < 9; d++) {
        nanos *= 10;
      }
      nanos = nanos / 1000 * 1000;
    }
    if (i < n) {
      String zone = s.substring(i).trim();
      if (!zone.isEmpty() && !zone.equals("Z") && !zone.matches("[+-]\\d{1,2}(:?\\d{2})?|UTC|GMT")) {
        return null;
      }
    }
    try {
      return LocalDateTime.of(date, LocalTime.of(t[0], t[1], t[2], nanos));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Trims white space and control characters at both ends, as Spark's string casts do. */
  static String trimAll(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }
}
