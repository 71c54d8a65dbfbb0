package io.kindling.internal.sql.analysis;

import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The argument and result types of the built-in functions, with Spark's implicit casts of arguments. */
final class FunctionSignatures {
  private static final DataType STRING = DataTypes.StringType;
  private static final DataType DOUBLE = DataTypes.DoubleType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType BOOLEAN = DataTypes.BooleanType;
  private static final DataType DATE = DataTypes.DateType;
  private static final DataType TIMESTAMP = DataTypes.TimestampType;

  /** The accepted types as Spark's messages list them. */
  private static final String NUMERIC_INPUT = "\"NUMERIC\"";
  private static final String SUM_INPUT = "\"NUMERIC\" or \"ANSI INTERVAL\"";
  private static final String ABS_INPUT = "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")";

  private FunctionSignatures() {}

  static Call resolve(Call c) {
    List<Expression> a = c.args();
    return switch (c.name()) {
      case "upper", "lower", "trim", "ltrim", "rtrim" -> typed(c, List.of(STRING), STRING, anyNullable(a));
      case "length" -> typed(c, List.of(STRING), INT, anyNullable(a));
      // Spark declares its one-argument math functions and round nullable whatever their input.
      case "sqrt", "exp", "ln", "log10" -> typed(c, List.of(DOUBLE), DOUBLE, true);
      case "log" -> typed(c, List.of(DOUBLE, DOUBLE), DOUBLE, true);
      case "power" -> typed(c, List.of(DOUBLE, DOUBLE), DOUBLE, anyNullable(a));
      case "abs" -> {
        DataType t = numericOrDouble(c, a.get(0), 1, ABS_INPUT);
        yield typed(c, List.of(t), t, anyNullable(a));
      }
      case "round" -> {
        DataType t = numericOrDouble(c, a.get(0), 1, NUMERIC_INPUT);
        if (!a.get(1).foldable()) {
          throw new AnalysisException("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve \"" + c.sql()
              + "\" due to data type mismatch: the input `scale` should be a foldable \"INT\" expression.");
        }
        yield typed(c, List.of(t, INT), t, true);
      }
      case "concat" -> typed(c, repeat(STRING, a.size()), STRING, a.isEmpty() || anyNullable(a));
      case "concat_ws" -> {
        List<Expression> args = new ArrayList<>();
        args.add(implicit(c, a.get(0), STRING, 1));
        for (int i = 1; i < a.size(); i++) {
          Expression x = a.get(i);
          args.add(x.dataType() instanceof ArrayType ? implicit(c, x, DataTypes.createArrayType(STRING), i + 1)
              : implicit(c, x, STRING, i + 1));
        }
        yield new Call(c.name(), args, STRING, a.get(0).nullable());
      }
      case "split" -> typed(c, List.of(STRING, STRING, INT), new ArrayType(STRING, false), anyNullable(a));
      case "substring" -> typed(c, List.of(STRING, INT, INT), STRING, anyNullable(a));
      case "regexp_replace" -> typed(c, List.of(STRING, STRING, STRING, INT), STRING, anyNullable(a));
      case "like", "contains", "startswith", "endswith" -> typed(c, List.of(STRING, STRING), BOOLEAN,
          anyNullable(a));
      case "coalesce" -> {
        DataType t = DataTypes.NullType;
        for (Expression x : a) {
          Optional<DataType> w = TypeCoercion.widerType(t, x.dataType());
          if (w.isEmpty()) {
            throw new AnalysisException("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"" + c.sql()
                + "\" due to data type mismatch: Input to `coalesce` should all be the same type, but it's ("
                + a.stream().map(e -> "\"" + e.dataType().sql() + "\"").collect(Collectors.joining(" or ")) + ").");
          }
          t = w.get();
        }
        DataType common = t;
        yield new Call(c.name(), a.stream().map(x -> TypeCoercion.castTo(x, common)).toList(), common,
            a.stream().allMatch(Expression::nullable));
      }
      case "year", "month", "dayofmonth", "dayofweek", "dayofyear", "quarter" ->
          typed(c, List.of(DATE), INT, anyNullable(a));
      case "hour", "minute", "second" -> typed(c, List.of(TIMESTAMP), INT, anyNullable(a));
      case "to_date" -> a.size() == 1
          ? typed(c, List.of(a.get(0).dataType().equals(TIMESTAMP) ? TIMESTAMP : DATE), DATE, true)
          : typed(c, List.of(STRING, STRING), DATE, true);
      case "to_timestamp" -> a.size() == 1
          ? typed(c, List.of(a.get(0).dataType().equals(DATE) ? DATE : TIMESTAMP), TIMESTAMP, true)
          : typed(c, List.of(STRING, STRING), TIMESTAMP, true);
      case "date_format" -> typed(c, List.of(TIMESTAMP, STRING), STRING, anyNullable(a));
      case "monotonically_increasing_id" -> new Call(c.name(), a, LONG, false);
      case "rand" -> typed(c, List.of(LONG), DOUBLE, false);
      case "isnan" -> typed(c, List.of(DOUBLE), BOOLEAN, false);
      default -> throw new AnalysisException("[UNRESOLVED_ROUTINE] Cannot resolve function `" + c.name() + "`.");
    };
  }

  static AggregateCall resolve(AggregateCall c) {
    List<Expression> a = c.args();
    return switch (c.name()) {
      case "sum" -> {
        DataType t = numericOrDouble(c, a.get(0), 1, SUM_INPUT);
        DataType result = TypeCoercion.isIntegral(t) ? LONG : DOUBLE;
        Expression arg = TypeCoercion.isIntegral(t) ? a.get(0) : TypeCoercion.castTo(a.get(0), DOUBLE);
        yield new AggregateCall(c.name(), List.of(arg), c.distinct(), result);
      }
      case "avg", "stddev", "stddev_samp", "stddev_pop", "var_samp", "var_pop", "variance" -> {
        numericOrDouble(c, a.get(0), 1, c.name().equals("avg") ? SUM_INPUT : "\"DOUBLE\"");
        yield new AggregateCall(c.name(), List.of(TypeCoercion.castTo(a.get(0), DOUBLE)), c.distinct(), DOUBLE);
      }
      case "count" -> new AggregateCall(c.name(), a, c.distinct(), LONG);
      case "min", "max", "first", "last" -> {
        DataType t = a.get(0).dataType();
        yield new AggregateCall(c.name(), a, c.distinct(), t);
      }
      case "collect_list", "collect_set" ->
          new AggregateCall(c.name(), a, c.distinct(), new ArrayType(a.get(0).dataType(), false));
      default -> throw new AnalysisException("[UNRESOLVED_ROUTINE] Cannot resolve function `" + c.name() + "`.");
    };
  }

  /**
   * The numeric type of an argument, or double for a string or null (which are cast); otherwise fails, naming
   * the types Spark's function accepts ({@code required}, as Spark spells them).
   */
  private static DataType numericOrDouble(Expression f, Expression arg, int position, String required) {
    DataType t = arg.dataType();
    if (TypeCoercion.isNumeric(t)) {
      return t;
    }
    if (TypeCoercion.isString(t) || TypeCoercion.isNull(t)) {
      return DOUBLE;
    }
    throw Analyzer.unexpectedTypes(f, position, required, arg);
  }

  private static Call typed(Call c, List<DataType> inputs, DataType result, boolean nullable) {
    if (c.args().size() != inputs.size()) {
      throw new AnalysisException("[WRONG_NUM_ARGS] The `" + c.name() + "` requires " + inputs.size()
          + " parameters but the actual number is " + c.args().size() + ".");
    }
    List<Expression> args = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      args.add(implicit(c, c.args().get(i), inputs.get(i), i + 1));
    }
    return new Call(c.name(), args, result, nullable);
  }

  private static Expression implicit(Expression f, Expression arg, DataType to, int position) {
    if (!TypeCoercion.canImplicitCast(arg.dataType(), to)) {
      throw Analyzer.unexpectedType(f, position, to.sql(), arg);
    }
    return TypeCoercion.castTo(arg, to);
  }

  private static boolean anyNullable(List<Expression> args) {
    for (Expression e : args) {
      if (e.nullable()) {
        return true;
      }
    }
    return false;
  }

  private static List<DataType> repeat(DataType t, int n) {
    List<DataType> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(t);
    }
    return l;
  }
}
