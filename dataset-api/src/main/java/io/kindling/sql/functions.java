package io.kindling.sql;

import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.CaseWhen;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.SortOrder;
import io.kindling.internal.sql.expr.UnaryMinus;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in functions for DataFrame expressions, with Spark's names, null rules and result column names.
 * Aggregate functions ({@code sum}, {@code avg}, {@code count}, …) are used in {@code agg(…)}; they skip
 * nulls, and give null for a group without non-null values (except {@code count}, which gives 0).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
  private functions() {}

  // ---------------------------------------------------------------- columns and literals

  /** The column named {@code name} of the DataFrame it is used with; {@code "*"} means all columns. */
  public static Column col(String name) {
    return new Column(name);
  }

  /** Same as {@link #col}. */
  public static Column column(String name) {
    return new Column(name);
  }

  /** A constant: Integer, Long, Double, Float, String, Boolean, LocalDate, LocalDateTime, null, … */
  public static Column lit(Object value) {
    if (value instanceof Column c) {
      return c;
    }
    return new Column(Column.literal(value));
  }

  /** The first branch of a CASE WHEN; chain {@link Column#when} and end with {@link Column#otherwise}. */
  public static Column when(Column condition, Object value) {
    return new Column(new CaseWhen(List.of(condition.expr()), List.of(Column.exprOf(value)), null));
  }

  /** Logical NOT. */
  public static Column not(Column e) {
    return new Column(new Not(e.expr()));
  }

  /** {@code -e}. */
  public static Column negate(Column e) {
    return new Column(new UnaryMinus(e.expr()));
  }

  /** Ascending order by a column name. */
  public static Column asc(String name) {
    return col(name).asc();
  }

  /** Descending order by a column name. */
  public static Column desc(String name) {
    return col(name).desc();
  }

  /** Marks a DataFrame as small enough to broadcast in joins, whatever its estimated size. */
  public static DataFrame broadcast(DataFrame df) {
    return df.withBroadcastHint();
  }

  // ---------------------------------------------------------------- aggregates

  public static Column sum(Column e) {
    return agg("sum", e);
  }

  public static Column sum(String columnName) {
    return sum(col(columnName));
  }

  /** The sum of the distinct values. */
  public static Column sumDistinct(Column e) {
    return new Column(new AggregateCall("sum", List.of(e.expr()), true, null));
  }

  public static Column sumDistinct(String columnName) {
    return sumDistinct(col(columnName));
  }

  /** The average, as a double. */
  public static Column avg(Column e) {
    return agg("avg", e);
  }

  public static Column avg(String columnName) {
    return avg(col(columnName));
  }

  /** Same as {@link #avg}. */
  public static Column mean(Column e) {
    return avg(e);
  }

  public static Column mean(String columnName) {
    return avg(columnName);
  }

  /** The number of rows where {@code e} is not null; {@code count(lit(1))} counts all rows. */
  public static Column count(Column e) {
    return agg("count", e.expr() instanceof io.kindling.internal.sql.expr.Star ? Literal.of(1) : e.expr());
  }

  /** {@code count("*")} counts all rows (its column is named {@code count(1)}, as in Spark). */
  public static Column count(String columnName) {
    return columnName.equals("*") ? agg("count", Literal.of(1)) : count(col(columnName));
  }

  /** The number of distinct non-null values (of tuples with no null, for several columns). */
  public static Column countDistinct(Column e, Column... more) {
    List<Expression> args = new ArrayList<>();
    args.add(e.expr());
    for (Column c : more) {
      args.add(c.expr());
    }
    return new Column(new AggregateCall("count", args, true, null));
  }

  public static Column countDistinct(String columnName, String... more) {
    Column[] rest = new Column[more.length];
    for (int i = 0; i < more.length; i++) {
      rest[i] = col(more[i]);
    }
    return countDistinct(col(columnName), rest);
  }

  public static Column min(Column e) {
    return agg("min", e);
  }

  public static Column min(String columnName) {
    return min(col(columnName));
  }

  public static Column max(Column e) {
    return agg("max", e);
  }

  public static Column max(String columnName) {
    return max(col(columnName));
  }

  /** The first value of the group (which one depends on the order rows arrive in, as in Spark). */
  public static Column first(Column e) {
    return agg("first", e);
  }

  public static Column first(String columnName) {
    return first(col(columnName));
  }

  public static Column last(Column e) {
    return agg("last", e);
  }

  public static Column last(String columnName) {
    return last(col(columnName));
  }

  /** The sample standard deviation (null for fewer than two values). */
  public static Column stddev(Column e) {
    return agg("stddev", e);
  }

  public static Column stddev(String columnName) {
    return stddev(col(columnName));
  }

  public static Column stddev_samp(Column e) {
    return agg("stddev_samp", e);
  }

  public static Column stddev_samp(String columnName) {
    return stddev_samp(col(columnName));
  }

  public static Column stddev_pop(Column e) {
    return agg("stddev_pop", e);
  }

  public static Column stddev_pop(String columnName) {
    return stddev_pop(col(columnName));
  }

  /** The sample variance (null for fewer than two values). */
  public static Column variance(Column e) {
    return agg("var_samp", e);
  }

  public static Column variance(String columnName) {
    return variance(col(columnName));
  }

  public static Column var_samp(Column e) {
    return agg("var_samp", e);
  }

  public static Column var_samp(String columnName) {
    return var_samp(col(columnName));
  }

  public static Column var_pop(Column e) {
    return agg("var_pop", e);
  }

  public static Column var_pop(String columnName) {
    return var_pop(col(columnName));
  }

  /** The non-null values of the group as an array. */
  public static Column collect_list(Column e) {
    return agg("collect_list", e);
  }

  public static Column collect_list(String columnName) {
    return collect_list(col(columnName));
  }

  /** The distinct non-null values of the group as an array. */
  public static Column collect_set(Column e) {
    return agg("collect_set", e);
  }

  public static Column collect_set(String columnName) {
    return collect_set(col(columnName));
  }

  // ---------------------------------------------------------------- math

  /** Rounds half up to {@code scale} decimal places. */
  public static Column round(Column e, int scale) {
    return call("round", e.expr(), Literal.of(scale));
  }

  public static Column round(Column e) {
    return round(e, 0);
  }

  public static Column abs(Column e) {
    return call("abs", e.expr());
  }

  /** The square root (NaN for negative values). */
  public static Column sqrt(Column e) {
    return call("sqrt", e.expr());
  }

  public static Column sqrt(String columnName) {
    return sqrt(col(columnName));
  }

  /** The natural logarithm (null for values that are not positive). */
  public static Column log(Column e) {
    return call("ln", e.expr());
  }

  public static Column log(String columnName) {
    return log(col(columnName));
  }

  /** The logarithm in base {@code base}. */
  public static Column log(double base, Column e) {
    return call("log", Column.literal(base), e.expr());
  }

  public static Column log(double base, String columnName) {
    return log(base, col(columnName));
  }

  public static Column log10(Column e) {
    return call("log10", e.expr());
  }

  public static Column log10(String columnName) {
    return log10(col(columnName));
  }

  public static Column exp(Column e) {
    return call("exp", e.expr());
  }

  public static Column exp(String columnName) {
    return exp(col(columnName));
  }

  /** {@code l} raised to the power {@code r}, as a double. */
  public static Column pow(Column l, Column r) {
    return call("power", l.expr(), r.expr());
  }

  public static Column pow(Column l, double r) {
    return call("power", l.expr(), Column.literal(r));
  }

  public static Column pow(double l, Column r) {
    return call("power", Column.literal(l), r.expr());
  }

  public static Column pow(String l, String r) {
    return pow(col(l), col(r));
  }

  public static Column pow(String l, double r) {
    return pow(col(l), r);
  }

  public static Column pow(String l, Column r) {
    return pow(col(l), r);
  }

  public static Column pow(Column l, String r) {
    return pow(l, col(r));
  }

  public static Column pow(double l, String r) {
    return pow(l, col(r));
  }

  // ---------------------------------------------------------------- strings

  public static Column upper(Column e) {
    return call("upper", e.expr());
  }

  public static Column lower(Column e) {
    return call("lower", e.expr());
  }

  /** Removes leading and trailing spaces (only the space character, as Spark). */
  public static Column trim(Column e) {
    return call("trim", e.expr());
  }

  public static Column ltrim(Column e) {
    return call("ltrim", e.expr());
  }

  public static Column rtrim(Column e) {
    return call("rtrim", e.expr());
  }

  /** The number of characters. */
  public static Column length(Column e) {
    return call("length", e.expr());
  }

  /** The strings joined; null if any is null. */
  public static Column concat(Column... exprs) {
    return new Column(new Call("concat", exprs(exprs), null, true));
  }

  /** The non-null strings (and array elements) joined by {@code sep}. */
  public static Column concat_ws(String sep, Column... exprs) {
    List<Expression> args = new ArrayList<>();
    args.add(Column.literal(sep));
    args.addAll(exprs(exprs));
    return new Column(new Call("concat_ws", args, null, true));
  }

  /** The string split around matches of the regular expression {@code pattern} (trailing empty strings kept). */
  public static Column split(Column str, String pattern) {
    return split(str, pattern, -1);
  }

  /** At most {@code limit} pieces when positive. */
  public static Column split(Column str, String pattern, int limit) {
    return call("split", str.expr(), Column.literal(pattern), Literal.of(limit));
  }

  /** {@code len} characters from 1-based position {@code pos} (negative counts from the end). */
  public static Column substring(Column str, int pos, int len) {
    return call("substring", str.expr(), Literal.of(pos), Literal.of(len));
  }

  /** Replaces every match of the regular expression; {@code $1} in the replacement refers to groups. */
  public static Column regexp_replace(Column e, String pattern, String replacement) {
    return call("regexp_replace", e.expr(), Column.literal(pattern), Column.literal(replacement), Literal.of(1));
  }

  public static Column regexp_replace(Column e, Column pattern, Column replacement) {
    return call("regexp_replace", e.expr(), pattern.expr(), replacement.expr(), Literal.of(1));
  }

  /** The first non-null value. */
  public static Column coalesce(Column... exprs) {
    return new Column(new Call("coalesce", exprs(exprs), null, true));
  }

  public static Column isnull(Column e) {
    return e.isNull();
  }

  public static Column isnan(Column e) {
    return e.isNaN();
  }

  // ---------------------------------------------------------------- dates and times

  public static Column year(Column e) {
    return call("year", e.expr());
  }

  public static Column month(Column e) {
    return call("month", e.expr());
  }

  public static Column dayofmonth(Column e) {
    return call("dayofmonth", e.expr());
  }

  public static Column dayofweek(Column e) {
    return call("dayofweek", e.expr());
  }

  public static Column dayofyear(Column e) {
    return call("dayofyear", e.expr());
  }

  public static Column hour(Column e) {
    return call("hour", e.expr());
  }

  public static Column minute(Column e) {
    return call("minute", e.expr());
  }

  public static Column second(Column e) {
    return call("second", e.expr());
  }

  /** A date from a string ({@code yyyy-MM-dd}), a timestamp or a date; null when it can't be read. */
  public static Column to_date(Column e) {
    return call("to_date", e.expr());
  }

  /** A date parsed with a datetime pattern such as {@code dd/MM/yyyy}. */
  public static Column to_date(Column e, String format) {
    return call("to_date", e.expr(), Column.literal(format));
  }

  /** A timestamp from a string ({@code yyyy-MM-dd HH:mm:ss}, ISO with {@code T}), a date or a timestamp. */
  public static Column to_timestamp(Column e) {
    return call("to_timestamp", e.expr());
  }

  public static Column to_timestamp(Column e, String format) {
    return call("to_timestamp", e.expr(), Column.literal(format));
  }

  /** The timestamp (or date) formatted with a datetime pattern such as {@code yyyy-MM}. */
  public static Column date_format(Column e, String format) {
    return call("date_format", e.expr(), Column.literal(format));
  }

  // ---------------------------------------------------------------- others

  /**
   * A unique, increasing 64-bit id per row: the partition index in the upper 31 bits, the row's position in
   * its partition in the lower 33, as in Spark (not consecutive across partitions).
   */
  public static Column monotonically_increasing_id() {
    return new Column(new Call("monotonically_increasing_id", List.of(), null, true));
  }

  /** A uniform random double in [0, 1), the same for the same seed and partitioning. */
  public static Column rand(long seed) {
    return new Column(new Call("rand", List.of(new Literal(seed, io.kindling.sql.types.DataTypes.LongType)), null,
        true));
  }

  /** A random double with a random seed. */
  public static Column rand() {
    return rand(new java.util.Random().nextLong());
  }

  // ---------------------------------------------------------------- helpers

  private static Column agg(String name, Column e) {
    return agg(name, e.expr());
  }

  private static Column agg(String name, Expression e) {
    if (e instanceof SortOrder) {
      throw new IllegalArgumentException(name + "() of a sort order");
    }
    return new Column(AggregateCall.of(name, e));
  }

  private static Column call(String name, Expression... args) {
    return new Column(Call.of(name, args));
  }

  private static List<Expression> exprs(Column[] cols) {
    List<Expression> out = new ArrayList<>(cols.length);
    for (Column c : cols) {
      out.add(c.expr());
    }
    return out;
  }
}
