package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in scalar functions. */
final class Functions {
  private Functions() {}

  /** A function of one row's argument values; called only when no argument is null unless {@code nullSafe}. */
  @FunctionalInterface
  interface RowFunction {
    Object apply(Object[] args);
  }

  static BatchExpr compile(String name, DataType type, List<BatchExpr> args, EvalContext context) {
    return switch (name) {
      case "sqrt" -> new MathExpr(type, args.get(0), Math::sqrt, false);
      // Spark computes these with StrictMath, whose last digit Math's intrinsics do not always give.
      case "exp" -> new MathExpr(type, args.get(0), StrictMath::exp, false);
      case "ln" -> new MathExpr(type, args.get(0), StrictMath::log, true);
      case "log10" -> new MathExpr(type, args.get(0), StrictMath::log10, true);
      case "log" -> rowWise(type, args, a -> {
        double base = (Double) a[0];
        double x = (Double) a[1];
        return base <= 0 || x <= 0 ? null : StrictMath.log(x) / StrictMath.log(base);
      });
      case "power" -> rowWise(type, args, a -> StrictMath.pow((Double) a[0], (Double) a[1]));
      case "abs" -> rowWise(type, args, a -> abs(a[0]));
      case "round" -> {
        int scale = ((Number) args.get(1).constantValue()).intValue();
        yield rowWise(type, args, a -> round(a[0], scale));
      }
      case "isnan" -> new RowWise(type, args, a -> a[0] != null && Double.isNaN((Double) a[0]), true);
      case "upper" -> rowWise(type, args, a -> ((String) a[0]).toUpperCase(Locale.ROOT));
      case "lower" -> rowWise(type, args, a -> ((String) a[0]).toLowerCase(Locale.ROOT));
      case "trim" -> rowWise(type, args, a -> trim((String) a[0], true, true));
      case "ltrim" -> rowWise(type, args, a -> trim((String) a[0], true, false));
      case "rtrim" -> rowWise(type, args, a -> trim((String) a[0], false, true));
      case "length" -> rowWise(type, args, a -> ((String) a[0]).codePointCount(0, ((String) a[0]).length()));
      case "concat" -> rowWise(type, args, a -> {
        StringBuilder sb = new StringBuilder();
        for (Object o : a) {
          sb.append((String) o);
        }
        return sb.toString();
      });
      case "concat_ws" -> new RowWise(type, args, Functions::concatWs, true);
      case "split" -> {
        BatchExpr pattern = args.get(1);
        Pattern compiled = pattern.isConstant() && pattern.constantValue() != null
            ? Pattern.compile((String) pattern.constantValue()) : null;
        yield rowWise(type, args, a -> split((String) a[0], compiled != null ? compiled
            : Pattern.compile((String) a[1]), ((Number) a[2]).intValue()));
      }
      case "substring" -> rowWise(type, args, a -> substring((String) a[0], (Integer) a[1], (Integer) a[2]));
      case "regexp_replace" -> {
        BatchExpr pattern = args.get(1);
        Pattern compiled = pattern.isConstant() && pattern.constantValue() != null
            ? Pattern.compile((String) pattern.constantValue()) : null;
        yield rowWise(type, args, a -> {
          Pattern p = compiled != null ? compiled : Pattern.compile((String) a[1]);
          int pos = ((Number) a[3]).intValue();
          String s = (String) a[0];
          // As Spark: a position past the end leaves the text as is, but position 1 always searches (so an
          // empty pattern still matches an empty text).
          if (pos > 1 && pos > s.length()) {
            return s;
          }
          Matcher m = p.matcher(s.substring(pos - 1));
          return s.substring(0, pos - 1) + m.replaceAll((String) a[2]);
        });
      }
      case "like" -> {
        BatchExpr pattern = args.get(1);
        Pattern compiled = pattern.isConstant() && pattern.constantValue() != null
            ? likePattern((String) pattern.constantValue()) : null;
        yield rowWise(type, args, a -> (compiled != null ? compiled : likePattern((String) a[1]))
            .matcher((String) a[0]).matches());
      }
      case "contains" -> rowWise(type, args, a -> ((String) a[0]).contains((String) a[1]));
      case "startswith" -> rowWise(type, args, a -> ((String) a[0]).startsWith((String) a[1]));
      case "endswith" -> rowWise(type, args, a -> ((String) a[0]).endsWith((String) a[1]));
      case "coalesce" -> new Evaluators.Coalesce(type, args);
      case "date_add" -> rowWise(type, args, a -> ((LocalDate) a[0]).plusDays(((Number) a[1]).intValue()));
      case "date_sub" -> rowWise(type, args, a -> ((LocalDate) a[0]).minusDays(((Number) a[1]).intValue()));
      case "year" -> new DatePart(type, args.get(0), DatePart.Field.YEAR);
      case "month" -> new DatePart(type, args.get(0), DatePart.Field.MONTH);
      case "dayofmonth" -> new DatePart(type, args.get(0), DatePart.Field.DAY);
      case "dayofweek" -> rowWise(type, args, a -> ((LocalDate) a[0]).getDayOfWeek().getValue() % 7 + 1);
      case "dayofyear" -> rowWise(type, args, a -> ((LocalDate) a[0]).getDayOfYear());
      case "quarter" -> rowWise(type, args, a -> (((LocalDate) a[0]).getMonthValue() - 1) / 3 + 1);
      case "hour" -> rowWise(type, args, a -> ((LocalDateTime) a[0]).getHour());
      case "minute" -> rowWise(type, args, a -> ((LocalDateTime) a[0]).getMinute());
      case "second" -> rowWise(type, args, a -> ((LocalDateTime) a[0]).getSecond());
      case "to_date" -> args.size() == 1
          ? rowWise(type, args, a -> a[0] instanceof LocalDateTime t ? t.toLocalDate() : a[0])
          : withFormat(type, args, (s, f) -> {
            TemporalAccessor t = f.parse(s);
            return LocalDate.from(t);
          });
      case "to_timestamp" -> args.size() == 1
          ? rowWise(type, args, a -> a[0] instanceof LocalDate d ? d.atStartOfDay() : a[0])
          : withFormat(type, args, (s, f) -> {
            TemporalAccessor t = f.parse(s);
            if (t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
              return LocalDateTime.from(t);
            }
            return LocalDate.from(t).atStartOfDay();
          });
      case "date_format" -> {
        BatchExpr fmt = args.get(1);
        DateTimeFormatter f = fmt.isConstant() && fmt.constantValue() != null
            ? DateFormats.formatter((String) fmt.constantValue()) : null;
        // Timestamps are local to the session's (the JVM's) zone; zone letters (z, XXX) print that zone. Looked up
        // once, not per row (each lookup copies the default TimeZone).
        ZoneId zone = ZoneId.systemDefault();
        yield rowWise(type, args, a -> (f != null ? f : DateFormats.formatter((String) a[1]))
            .format(((LocalDateTime) a[0]).atZone(zone)));
      }
      case "monotonically_increasing_id" -> new MonotonicId(context.partitionIndex());
      case "rand" -> new Rand(((Number) args.get(0).constantValue()).longValue() + context.partitionIndex());
      default -> throw new IllegalArgumentException("Unknown function " + name);
    };
  }

  private static BatchExpr rowWise(DataType type, List<BatchExpr> args, RowFunction f) {
    return new RowWise(type, args, f, false);
  }

  /** A function with a datetime pattern argument; unparseable input gives null. */
  private static BatchExpr withFormat(DataType type, List<BatchExpr> args,
      java.util.function.BiFunction<String, DateTimeFormatter, Object> parse) {
    BatchExpr fmt = args.get(1);
    DateTimeFormatter f = fmt.isConstant() && fmt.constantValue() != null
        ? DateFormats.parser((String) fmt.constantValue()) : null;
    return rowWise(type, args, a -> {
      try {
        return parse.apply((String) a[0], f != null ? f : DateFormats.parser((String) a[1]));
      } catch (java.time.DateTimeException e) {
        return null;
      }
    });
  }

  /** Evaluates a function row by row on Java values. */
  static final class RowWise implements BatchExpr {
    private final DataType type;
    private final List<BatchExpr> args;
    private final RowFunction f;
    private final boolean nullSafe;

    RowWise(DataType type, List<BatchExpr> args, RowFunction f, boolean nullSafe) {
      this.type = type;
      this.args = args;
      this.f = f;
      this.nullSafe = nullSafe;
    }

    @Override
    public DataType type() {
      return type;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      ColumnVector[] vs = new ColumnVector[args.size()];
      for (int k = 0; k < vs.length; k++) {
        vs[k] = args.get(k).eval(batch);
      }
      if (vs.length == 1 && vs[0] instanceof StringVector s && s.isDictionary()) {
        return perDictionaryEntry(s, n);
      }
      VectorBuilder out = VectorBuilder.forType(type, n);
      Object[] a = new Object[vs.length];
      for (int i = 0; i < n; i++) {
        boolean anyNull = false;
        for (int k = 0; k < vs.length; k++) {
          a[k] = vs[k].get(i);
          anyNull |= a[k] == null;
        }
        out.append(anyNull && !nullSafe ? null : f.apply(a));
      }
      return out.build();
    }

    /** One call per distinct string. */
    private ColumnVector perDictionaryEntry(StringVector s, int n) {
      String[] dict = s.dictionary();
      Object[] results = new Object[dict.length];
      for (int d = 0; d < dict.length; d++) {
        results[d] = dict[d] == null && !nullSafe ? null : f.apply(new Object[] {dict[d]});
      }
      int[] codes = s.codes();
      VectorBuilder out = VectorBuilder.forType(type, n);
      for (int i = 0; i < n; i++) {
        out.append(s.isNull(i) ? (nullSafe ? f.apply(new Object[] {null}) : null) : results[codes[i]]);
      }
      return out.build();
    }
  }

  /** A double function over a double vector; {@code positiveOnly} gives null for values that are not positive. */
  record MathExpr(DataType type, BatchExpr child, java.util.function.DoubleUnaryOperator f, boolean positiveOnly)
      implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      DoubleVector v = (DoubleVector) child.eval(batch);
      double[] a = v.values();
      double[] c = new double[n];
      boolean[] nulls = Nulls.copy(v.nulls());
      for (int i = 0; i < n; i++) {
        if (positiveOnly && a[i] <= 0) {
          nulls = Nulls.set(nulls, i, n);
        } else {
          c[i] = f.applyAsDouble(a[i]);
        }
      }
      return new DoubleVector(c, nulls, n);
    }
  }

  /** year, month and day of a date, computed from the day number without allocating. */
  record DatePart(DataType type, BatchExpr child, Field field) implements BatchExpr {
    enum Field { YEAR, MONTH, DAY }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      IntVector v = (IntVector) child.eval(batch);
      int[] days = v.values();
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        c[i] = civil(days[i], field);
      }
      return new IntVector(DataTypes.IntegerType, c, Nulls.copy(v.nulls()), n);
    }

    /** Howard Hinnant's days-to-civil algorithm. */
    static int civil(long z, Field field) {
      z += 719468;
      long era = (z >= 0 ? z : z - 146096) / 146097;
      long doe = z - era * 146097;
      long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      long y = yoe + era * 400;
      long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
      long mp = (5 * doy + 2) / 153;
      long d = doy - (153 * mp + 2) / 5 + 1;
      long m = mp < 10 ? mp + 3 : mp - 9;
      return switch (field) {
        case YEAR -> (int) (m <= 2 ? y + 1 : y);
        case MONTH -> (int) m;
        case DAY -> (int) d;
      };
    }
  }

  /** Partition index in the upper 31 bits, row number within the partition in the lower 33. */
  static final class MonotonicId implements BatchExpr {
    private final long base;
    private long next;

    MonotonicId(int partition) {
      this.base = ((long) partition) << 33;
    }

    @Override
    public DataType type() {
      return DataTypes.LongType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      long[] c = new long[n];
      for (int i = 0; i < n; i++) {
        c[i] = base + next++;
      }
      return new LongVector(DataTypes.LongType, c, null, n);
    }
  }

  /** Spark's rand(seed): an XORShift generator seeded with seed + partition index. */
  static final class Rand implements BatchExpr {
    private final XorShiftRandom random;

    Rand(long seed) {
      this.random = new XorShiftRandom(seed);
    }

    @Override
    public DataType type() {
      return DataTypes.DoubleType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = random.nextDouble();
      }
      return new DoubleVector(c, null, n);
    }
  }

  static Object abs(Object v) {
    if (v instanceof Integer i) {
      return Math.abs(i);
    }
    if (v instanceof Long l) {
      return Math.abs(l);
    }
    if (v instanceof Double d) {
      return Math.abs(d);
    }
    if (v instanceof Float f) {
      return Math.abs(f);
    }
    if (v instanceof Short s) {
      return (short) Math.abs(s);
    }
    if (v instanceof Byte b) {
      return (byte) Math.abs(b);
    }
    return null;
  }

  /** Rounds half up, on the value's decimal text for doubles, as Spark does. */
  static Object round(Object v, int scale) {
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d;
      }
      return new BigDecimal(Double.toString(d)).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
    if (v instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        return f;
      }
      return new BigDecimal(Double.toString(f.doubleValue())).setScale(scale, RoundingMode.HALF_UP).floatValue();
    }
    if (scale >= 0) {
      return v;
    }
    BigDecimal r = BigDecimal.valueOf(((Number) v).longValue()).setScale(scale, RoundingMode.HALF_UP);
    if (v instanceof Integer) {
      return r.intValue();
    }
    if (v instanceof Short) {
      return r.shortValue();
    }
    if (v instanceof Byte) {
      return r.byteValue();
    }
    return r.longValue();
  }

  /** Removes spaces (only U+0020, as Spark's trim). */
  static String trim(String s, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end && s.charAt(start) == ' ') {
        start++;
      }
    }
    if (right) {
      while (end > start && s.charAt(end - 1) == ' ') {
        end--;
      }
    }
    return s.substring(start, end);
  }

  static Object concatWs(Object[] a) {
    if (a[0] == null) {
      return null;
    }
    String sep = (String) a[0];
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (int i = 1; i < a.length; i++) {
      Object o = a[i];
      if (o == null) {
        continue;
      }
      if (o instanceof List<?> list) {
        for (Object e : list) {
          if (e != null) {
            if (!first) {
              sb.append(sep);
            }
            sb.append(e);
            first = false;
          }
        }
      } else {
        if (!first) {
          sb.append(sep);
        }
        sb.append((String) o);
        first = false;
      }
    }
    return sb.toString();
  }

  static List<String> split(String s, Pattern pattern, int limit) {
    if (pattern.pattern().isEmpty()) {
      List<String> chars = new ArrayList<>();
      s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
      if (limit > 0 && chars.size() > limit) {
        List<String> head = new ArrayList<>(chars.subList(0, limit - 1));
        head.add(String.join("", chars.subList(limit - 1, chars.size())));
        return head;
      }
      return chars;
    }
    return List.of(pattern.split(s, limit > 0 ? limit : -1));
  }

  /** Spark's 1-based substring: position 0 is 1, negative positions count from the end. */
  static String substring(String s, int pos, int length) {
    int len = s.codePointCount(0, s.length());
    int start = pos > 0 ? pos - 1 : pos < 0 ? len + pos : 0;
    long endL = (long) start + length;
    int end = endL > Integer.MAX_VALUE ? Integer.MAX_VALUE : endL < Integer.MIN_VALUE ? Integer.MIN_VALUE
        : (int) endL;
    start = Math.max(start, 0);
    if (start >= end) {
      return "";
    }
    end = Math.min(end, len);
    if (start >= len) {
      return "";
    }
    int from = s.offsetByCodePoints(0, start);
    int to = s.offsetByCodePoints(from, end - start);
    return s.substring(from, to);
  }

  /** SQL LIKE as a regular expression: % any characters, _ one, backslash escapes. */
  static Pattern likePattern(String like) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
