package io.kindling.internal.sql.analysis;

import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.CaseWhen;
import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.In;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.Or;
import io.kindling.internal.sql.expr.Star;
import io.kindling.internal.sql.expr.UnaryMinus;
import io.kindling.internal.sql.expr.UnresolvedColumn;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves expressions against a plan's output: binds names to attributes (case-insensitively, as Spark does
 * by default), checks types, and inserts implicit casts. Fails with {@link AnalysisException} naming the
 * unknown column and the available ones, or the operands whose types don't fit.
 */
public final class Analyzer {
  private static final int MAX_SUGGESTIONS = 5;

  private Analyzer() {}

  /** {@code e} resolved against {@code input} and type-checked. */
  public static Expression resolve(Expression e, List<AttributeRef> input) {
    Expression bound = e.transformUp(x -> bind(x, input));
    return bound.transformUp(Analyzer::coerce);
  }

  /** Resolves a column name against {@code input}, or fails naming it and the closest available columns. */
  public static AttributeRef resolveName(String name, List<AttributeRef> input) {
    return findName(name, input).orElseThrow(() -> unresolvedColumn(unquote(name), input));
  }

  /**
   * Resolves a column name as Spark's {@code Dataset.resolve} does ({@code df.col}, {@code groupBy(String…)},
   * {@code GroupedData.sum(String…)}, the na functions): when it fails, its message lists every column, in
   * order, rather than the five closest.
   */
  public static AttributeRef resolveColumnName(String name, List<AttributeRef> input) {
    return findName(name, input).orElseThrow(() -> unresolved(unquote(name),
        input.stream().map(a -> quoted(a.name())).distinct().toList()));
  }

  /** The one column named {@code name} (case-insensitively); empty when none is; fails when several are. */
  public static Optional<AttributeRef> findName(String name, List<AttributeRef> input) {
    String wanted = unquote(name);
    List<AttributeRef> matches = new ArrayList<>();
    for (AttributeRef a : input) {
      if (a.name().equalsIgnoreCase(wanted) && !matches.contains(a)) {
        matches.add(a);
      }
    }
    if (matches.size() > 1) {
      throw new AnalysisException("[AMBIGUOUS_REFERENCE] Reference `" + wanted + "` is ambiguous, could be: ["
          + matches.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", ")) + "].");
    }
    return matches.stream().findFirst();
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * The error for an unknown column, as Spark words it: the five available columns closest to the name,
   * by edit distance between the name and the quoted column (ties in name order).
   */
  public static AnalysisException unresolvedColumn(String name, List<AttributeRef> input) {
    return unresolved(name, input.stream()
        .map(a -> quoted(a.name()))
        .distinct()
        .sorted(Comparator.<String>comparingInt(q -> levenshtein(q, name)).thenComparing(Comparator.naturalOrder()))
        .limit(MAX_SUGGESTIONS)
        .toList());
  }

  /** Spark's UNRESOLVED_COLUMN error for {@code name}, suggesting the {@code quoted} column names. */
  private static AnalysisException unresolved(String name, List<String> quoted) {
    return new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `"
        + name + "` cannot be resolved. Did you mean one of the following? [" + String.join(", ", quoted) + "].");
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("`") && name.endsWith("`")) {
      return name.substring(1, name.length() - 1).replace("``", "`");
    }
    return name;
  }

  private static Expression bind(Expression e, List<AttributeRef> input) {
    if (e instanceof UnresolvedColumn u) {
      return resolveName(u.name(), input);
    }
    if (e instanceof AttributeRef a) {
      for (AttributeRef in : input) {
        if (in.exprId() == a.exprId()) {
          return in;
        }
      }
      throw new AnalysisException("[MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION] Resolved attribute(s) "
          + a + " missing from " + input.stream().map(Object::toString).collect(Collectors.joining(","))
          + ". Column '" + a.name() + "' belongs to another DataFrame than the one it is used with"
          + " (use functions.col(\"" + a.name() + "\") to refer to this DataFrame's column by name).");
    }
    if (e instanceof Star) {
      throw new AnalysisException("[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in expression: "
          + "use * only in select() or count(\"*\").");
    }
    return e;
  }

  /**
   * Spark's reading of a date plus or minus a number of days: {@code d + n} and {@code n + d} are
   * {@code date_add(d, n)}, {@code d - n} is {@code date_sub(d, n)}, where n must be an int, short or byte.
   */
  private static Optional<Expression> dateArithmetic(Arithmetic a) {
    boolean lDate = a.left().dataType().equals(DataTypes.DateType);
    boolean rDate = a.right().dataType().equals(DataTypes.DateType);
    if (a.op() == Arithmetic.Op.ADD && (lDate || rDate)) {
      return Optional.of(dateShift("date_add", lDate ? a.left() : a.right(), lDate ? a.right() : a.left()));
    }
    if (a.op() == Arithmetic.Op.SUBTRACT && lDate && !rDate) {
      return Optional.of(dateShift("date_sub", a.left(), a.right()));
    }
    return Optional.empty();
  }

  private static Expression dateShift(String name, Expression date, Expression days) {
    // As in Spark, text in arithmetic is read as a double first, which no date_add accepts.
    DataType t = TypeCoercion.isString(days.dataType()) ? DataTypes.DoubleType : days.dataType();
    boolean fits = t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)
        || TypeCoercion.isNull(t);
    if (!fits) {
      throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + name + "("
          + date.sql() + ", " + days.sql() + ")\" due to data type mismatch: Parameter 2 requires the (\"INT\" or "
          + "\"SMALLINT\" or \"TINYINT\") type, however \"" + days.sql() + "\" has the type \"" + t.sql() + "\".");
    }
    boolean dayCount = t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType);
    Expression n = dayCount ? days : TypeCoercion.castTo(days, DataTypes.IntegerType);
    return new Call(name, List.of(date, n), DataTypes.DateType, date.nullable() || n.nullable());
  }

  /** Type-checks one node whose children are resolved, inserting implicit casts. */
  static Expression coerce(Expression e) {
    if (e instanceof Arithmetic a) {
      return coerceArithmetic(a);
    }
    if (e instanceof UnaryMinus u) {
      DataType t = u.child().dataType();
      if (TypeCoercion.isNumeric(t)) {
        return u;
      }
      if (TypeCoercion.isString(t) || TypeCoercion.isNull(t)) {
        return new UnaryMinus(TypeCoercion.castTo(u.child(), DataTypes.DoubleType));
      }
      throw unexpectedTypes(u, 1, "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or "
          + "\"INTERVAL\")", u.child());
    }
    if (e instanceof Comparison c) {
      Optional<DataType> common = TypeCoercion.comparisonType(c.left().dataType(), c.right().dataType());
      if (common.isEmpty()) {
        throw diffTypes(c, c.left(), c.right());
      }
      DataType t = common.get();
      if (t.equals(DataTypes.NullType)) {
        t = DataTypes.BooleanType;
      }
      return new Comparison(c.op(), TypeCoercion.castTo(c.left(), t), TypeCoercion.castTo(c.right(), t));
    }
    if (e instanceof And a) {
      return new And(booleanOperand(a, a.left(), 1), booleanOperand(a, a.right(), 2));
    }
    if (e instanceof Or o) {
      return new Or(booleanOperand(o, o.left(), 1), booleanOperand(o, o.right(), 2));
    }
    if (e instanceof Not n) {
      return new Not(booleanOperand(n, n.child(), 1));
    }
    if (e instanceof In in) {
      DataType t = in.value().dataType();
      for (Expression x : in.list()) {
        // Spark widens IN's operands as it does CASE WHEN's (a string meets a number as a string), not as a
        // comparison's.
        Optional<DataType> w = TypeCoercion.widerType(t, x.dataType());
        if (w.isEmpty()) {
          throw new AnalysisException("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"" + in.sql()
              + "\" due to data type mismatch: Input to `in` should all be the same type, but it's ["
              + in.children().stream().map(c -> "\"" + c.dataType().sql() + "\"").collect(Collectors.joining(", "))
              + "].");
        }
        t = w.get();
      }
      DataType common = t;
      return new In(TypeCoercion.castTo(in.value(), common),
          in.list().stream().map(x -> TypeCoercion.castTo(x, common)).toList());
    }
    if (e instanceof CaseWhen cw) {
      DataType t = DataTypes.NullType;
      List<Expression> branches = new ArrayList<>(cw.values());
      if (cw.elseValue() != null) {
        branches.add(cw.elseValue());
      }
      for (Expression v : branches) {
        Optional<DataType> w = TypeCoercion.widerType(t, v.dataType());
        if (w.isEmpty()) {
          throw new AnalysisException("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"" + cw.sql()
              + "\" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["
              + branches.stream().map(c -> "\"" + c.dataType().sql() + "\"").collect(Collectors.joining(", "))
              + "].");
        }
        t = w.get();
      }
      DataType common = t;
      List<Expression> conds = new ArrayList<>();
      for (Expression c : cw.conditions()) {
        if (!c.dataType().equals(DataTypes.BooleanType) && !TypeCoercion.isNull(c.dataType())) {
          throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + cw.sql()
              + "\" due to data type mismatch: the condition \"" + c.sql() + "\" of a WHEN must be of the "
              + "\"BOOLEAN\" type, however it has the type \"" + c.dataType().sql() + "\".");
        }
        conds.add(TypeCoercion.castTo(c, DataTypes.BooleanType));
      }
      return new CaseWhen(conds, cw.values().stream().map(v -> TypeCoercion.castTo(v, common)).toList(),
          cw.elseValue() == null ? null : TypeCoercion.castTo(cw.elseValue(), common));
    }
    if (e instanceof Cast c) {
      if (!TypeCoercion.canCast(c.child().dataType(), c.dataType())) {
        throw new AnalysisException("[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"" + c.sql()
            + "\" due to data type mismatch: cannot cast \"" + c.child().dataType().sql() + "\" to \""
            + c.dataType().sql() + "\".");
      }
      return c;
    }
    if (e instanceof Call call && call.dataType() == null) {
      return FunctionSignatures.resolve(call);
    }
    if (e instanceof AggregateCall agg && agg.dataType() == null) {
      for (Expression arg : agg.args()) {
        if (arg.exists(x -> x instanceof AggregateCall)) {
          throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function "
              + "in the argument of another aggregate function: " + agg.sql() + ".");
        }
      }
      return FunctionSignatures.resolve(agg);
    }
    return e;
  }

  private static Expression coerceArithmetic(Arithmetic a) {
    DataType l = a.left().dataType();
    DataType r = a.right().dataType();
    Optional<Expression> onDate = dateArithmetic(a);
    if (onDate.isPresent()) {
      return onDate.get();
    }
    boolean lOk = TypeCoercion.isNumeric(l) || TypeCoercion.isString(l) || TypeCoercion.isNull(l);
    boolean rOk = TypeCoercion.isNumeric(r) || TypeCoercion.isString(r) || TypeCoercion.isNull(r);
    if (!lOk || !rOk) {
      if (l.equals(r) || (!lOk && !rOk)) {
        Expression bad = lOk ? a.right() : a.left();
        throw new AnalysisException("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"" + a.sql()
            + "\" due to data type mismatch: the binary operator requires the input type \"NUMERIC\", not \""
            + bad.dataType().sql() + "\".");
      }
      throw diffTypes(a, a.left(), a.right());
    }
    DataType t;
    if (a.op() == Arithmetic.Op.DIVIDE || TypeCoercion.isString(l) || TypeCoercion.isString(r)) {
      t = DataTypes.DoubleType;
    } else if (TypeCoercion.isNull(l) && TypeCoercion.isNull(r)) {
      t = DataTypes.DoubleType;
    } else if (TypeCoercion.isNull(l)) {
      t = r;
    } else if (TypeCoercion.isNull(r)) {
      t = l;
    } else {
      t = TypeCoercion.widerNumeric(l, r);
    }
    return new Arithmetic(a.op(), TypeCoercion.castTo(a.left(), t), TypeCoercion.castTo(a.right(), t));
  }

  private static Expression booleanOperand(Expression parent, Expression operand, int position) {
    DataType t = operand.dataType();
    if (t.equals(DataTypes.BooleanType)) {
      return operand;
    }
    if (TypeCoercion.isNull(t) || TypeCoercion.isString(t)) {
      return TypeCoercion.castTo(operand, DataTypes.BooleanType);
    }
    throw unexpectedType(parent, position, "BOOLEAN", operand);
  }

  static AnalysisException diffTypes(Expression e, Expression left, Expression right) {
    return new AnalysisException("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"" + e.sql()
        + "\" due to data type mismatch: the left and right operands of the binary operator have incompatible "
        + "types (\"" + left.dataType().sql() + "\" and \"" + right.dataType().sql() + "\").");
  }

  static AnalysisException unexpectedType(Expression e, int position, String required, Expression arg) {
    return unexpectedTypes(e, position, "\"" + required + "\"", arg);
  }

  /** As {@link #unexpectedType}, with the accepted types spelled as Spark lists them ({@code "A" or "B"}). */
  static AnalysisException unexpectedTypes(Expression e, int position, String required, Expression arg) {
    return new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + e.sql()
        + "\" due to data type mismatch: Parameter " + position + " requires the " + required
        + " type, however \"" + arg.sql() + "\" has the type \"" + arg.dataType().sql() + "\".");
  }

  /** The edit distance between two strings, for ordering suggestions. */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
