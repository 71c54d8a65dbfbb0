package io.kindling.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.CaseWhen;
import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.In;
import io.kindling.internal.sql.expr.IsNotNull;
import io.kindling.internal.sql.expr.IsNull;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.Or;
import io.kindling.internal.sql.expr.SortOrder;
import io.kindling.internal.sql.expr.UnaryMinus;
import io.kindling.internal.sql.expr.Values;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An expression over the columns of a DataFrame: a column, a literal, or a computation of them. Columns are
 * values: every method returns a new one. Nothing is evaluated until a DataFrame using it runs an action;
 * names are checked when the DataFrame is built. Arguments that are not {@code Column}s are literals.
 */
public class Column {
  private static final Pattern TYPE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Expression expr;

  /** A column by name, like {@link functions#col(String)}. */
  public Column(String name) {
    this(name.equals("*") ? new io.kindling.internal.sql.expr.Star()
        : new io.kindling.internal.sql.expr.UnresolvedColumn(name));
  }

  /** Internal: wraps an expression. */
  public Column(Expression expr) {
    this.expr = requireNonNull(expr, "expr is null");
  }

  /** Internal: the expression. */
  public Expression expr() {
    return expr;
  }

  /** The expression of a value: a Column's own, else a literal. */
  static Expression exprOf(Object value) {
    if (value instanceof Column c) {
      return c.expr;
    }
    return literal(value);
  }

  static Literal literal(Object value) {
    try {
      DataType t = Values.typeOf(value);
      return new Literal(Values.normalize(value instanceof java.math.BigDecimal b ? b.doubleValue()
          : value instanceof java.math.BigInteger b ? b.doubleValue() : value instanceof Character ch
          ? ch.toString() : value, t), t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("[UNSUPPORTED_FEATURE.LITERAL_TYPE] The feature is not supported: Literal "
          + "for '" + value + "' of " + value.getClass() + ".", e);
    }
  }

  // ---------------------------------------------------------------- arithmetic

  /** {@code this + other}; ints and longs widen, strings are read as doubles, nulls give null. */
  public Column plus(Object other) {
    return new Column(new Arithmetic(Arithmetic.Op.ADD, expr, exprOf(other)));
  }

  public Column minus(Object other) {
    return new Column(new Arithmetic(Arithmetic.Op.SUBTRACT, expr, exprOf(other)));
  }

  public Column multiply(Object other) {
    return new Column(new Arithmetic(Arithmetic.Op.MULTIPLY, expr, exprOf(other)));
  }

  /** {@code this / other} as a double; division by zero gives null, as in Spark. */
  public Column divide(Object other) {
    return new Column(new Arithmetic(Arithmetic.Op.DIVIDE, expr, exprOf(other)));
  }

  /** The remainder, with the sign of the dividend; modulo zero gives null. */
  public Column mod(Object other) {
    return new Column(new Arithmetic(Arithmetic.Op.REMAINDER, expr, exprOf(other)));
  }

  // ---------------------------------------------------------------- comparison and logic

  /** {@code this = other}; null when either side is null. */
  public Column equalTo(Object other) {
    return new Column(new Comparison(Comparison.Op.EQ, expr, exprOf(other)));
  }

  /** Null-safe equality ({@code <=>}): true when both are null, false when only one is. */
  public Column eqNullSafe(Object other) {
    return new Column(new Comparison(Comparison.Op.EQ_NULL_SAFE, expr, exprOf(other)));
  }

  public Column notEqual(Object other) {
    return new Column(new Not(new Comparison(Comparison.Op.EQ, expr, exprOf(other))));
  }

  public Column gt(Object other) {
    return new Column(new Comparison(Comparison.Op.GT, expr, exprOf(other)));
  }

  public Column geq(Object other) {
    return new Column(new Comparison(Comparison.Op.GE, expr, exprOf(other)));
  }

  public Column lt(Object other) {
    return new Column(new Comparison(Comparison.Op.LT, expr, exprOf(other)));
  }

  public Column leq(Object other) {
    return new Column(new Comparison(Comparison.Op.LE, expr, exprOf(other)));
  }

  /** {@code lower <= this AND this <= upper}. */
  public Column between(Object lower, Object upper) {
    return geq(lower).and(leq(upper));
  }

  /** Three-valued AND. */
  public Column and(Column other) {
    return new Column(new And(expr, other.expr));
  }

  /** Three-valued OR. */
  public Column or(Column other) {
    return new Column(new Or(expr, other.expr));
  }

  public Column isNull() {
    return new Column(new IsNull(expr));
  }

  public Column isNotNull() {
    return new Column(new IsNotNull(expr));
  }

  /** True when NaN (false for null). */
  public Column isNaN() {
    return new Column(Call.of("isnan", expr));
  }

  /** {@code this IN (values…)}. */
  public Column isin(Object... values) {
    List<Expression> list = new ArrayList<>();
    for (Object v : values) {
      list.add(exprOf(v));
    }
    return new Column(new In(expr, list));
  }

  /** SQL LIKE: {@code %} matches any characters, {@code _} one; {@code \} escapes. */
  public Column like(String pattern) {
    return new Column(Call.of("like", expr, literal(pattern)));
  }

  /** True when the string contains {@code other}. */
  public Column contains(Object other) {
    return new Column(Call.of("contains", expr, exprOf(other)));
  }

  public Column startsWith(Object other) {
    return new Column(Call.of("startswith", expr, exprOf(other)));
  }

  public Column endsWith(Object other) {
    return new Column(Call.of("endswith", expr, exprOf(other)));
  }

  // ---------------------------------------------------------------- naming, types, order

  /** The same value under a new name. */
  public Column alias(String alias) {
    return new Column(Alias.of(expr instanceof Alias a ? a.child() : expr, alias));
  }

  /** Same as {@link #alias}. */
  public Column as(String alias) {
    return alias(alias);
  }

  /** Same as {@link #alias}. */
  public Column name(String alias) {
    return alias(alias);
  }

  /** Converts to {@code to} with Spark's rules (a value that can't be converted becomes null). */
  public Column cast(DataType to) {
    return new Column(new Cast(expr, to, true));
  }

  /**
   * Converts to a type named as in DDL: {@code "int"}, {@code "double"}, {@code "string"}, {@code "date"}. A name
   * that is no type fails with an {@link AnalysisException} of Spark's error class ({@code UNSUPPORTED_DATATYPE}
   * for an unknown word, {@code PARSE_SYNTAX_ERROR} otherwise).
   */
  public Column cast(String to) {
    DataType type;
    try {
      type = DataType.fromDDL(to);
    } catch (IllegalArgumentException e) {
      String trimmed = to.trim();
      throw new AnalysisException(TYPE_WORD.matcher(trimmed).matches()
          ? "[UNSUPPORTED_DATATYPE] Unsupported data type \"" + trimmed.toUpperCase(Locale.ROOT) + "\". "
              + e.getMessage()
          : "[PARSE_SYNTAX_ERROR] Syntax error in the type '" + to + "'. " + e.getMessage(), e);
    }
    return cast(type);
  }

  /** Ascending order, nulls first. */
  public Column asc() {
    return new Column(new SortOrder(expr, true, true));
  }

  public Column asc_nulls_first() {
    return asc();
  }

  public Column asc_nulls_last() {
    return new Column(new SortOrder(expr, true, false));
  }

  /** Descending order, nulls last. */
  public Column desc() {
    return new Column(new SortOrder(expr, false, false));
  }

  public Column desc_nulls_first() {
    return new Column(new SortOrder(expr, false, true));
  }

  public Column desc_nulls_last() {
    return desc();
  }

  // ---------------------------------------------------------------- CASE WHEN

  /** Adds a branch to a column made by {@link functions#when}. */
  public Column when(Column condition, Object value) {
    if (!(expr instanceof CaseWhen cw) || cw.elseValue() != null) {
      throw new IllegalArgumentException(
          "when() can only be applied on a Column previously generated by when() function");
    }
    return new Column(cw.withBranch(condition.expr, exprOf(value)));
  }

  /** The value when no branch of a {@link functions#when} column holds. */
  public Column otherwise(Object value) {
    if (!(expr instanceof CaseWhen cw)) {
      throw new IllegalArgumentException(
          "otherwise() can only be applied on a Column previously generated by when()");
    }
    if (cw.elseValue() != null) {
      throw new IllegalArgumentException(
          "otherwise() can only be applied once on a Column previously generated by when()");
    }
    return new Column(new CaseWhen(cw.conditions(), cw.values(), exprOf(value)));
  }

  /** The negated value ({@code -x}). */
  Column negate() {
    return new Column(new UnaryMinus(expr));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && c.expr.equals(expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }

  /** Spark's text of the expression: {@code (quantity * price)}. */
  @Override
  public String toString() {
    return expr.sql();
  }
}
