package io.kindling.sql;

import io.kindling.internal.sql.analysis.Analyzer;
import io.kindling.internal.sql.analysis.TypeCoercion;
import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.IsNotNull;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Values;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Null handling for a DataFrame ({@code df.na()}): drop rows with nulls, or fill nulls with values. */
public final class DataFrameNaFunctions {
  private final DataFrame df;

  DataFrameNaFunctions(DataFrame df) {
    this.df = df;
  }

  /** Drops rows that have a null in any column. Lazy. */
  public DataFrame drop() {
    return drop("any");
  }

  /** {@code "any"}: drops rows with a null in any column; {@code "all"}: only rows that are entirely null. */
  public DataFrame drop(String how) {
    return drop(how, df.columns());
  }

  /** Drops rows with a null in any of the named columns. Lazy. */
  public DataFrame drop(String[] cols) {
    return drop("any", cols);
  }

  public DataFrame drop(String how, String[] cols) {
    List<AttributeRef> targets = resolve(cols);
    return switch (how.toLowerCase(Locale.ROOT)) {
      case "any" -> drop(targets.size(), targets);
      case "all" -> drop(1, targets);
      default -> throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
    };
  }

  /** Drops rows with fewer than {@code minNonNulls} non-null values. Lazy. */
  public DataFrame drop(int minNonNulls) {
    return drop(minNonNulls, resolve(df.columns()));
  }

  public DataFrame drop(int minNonNulls, String[] cols) {
    return drop(minNonNulls, resolve(cols));
  }

  private DataFrame drop(int minNonNulls, List<AttributeRef> targets) {
    if (targets.isEmpty()) {
      return df;
    }
    Column count = functions.lit(0);
    for (AttributeRef a : targets) {
      // As in Spark, NaN counts as null for doubles and floats.
      Column present = new Column(new IsNotNull(a));
      if (isFractional(a.dataType())) {
        present = present.and(functions.not(new Column(a).isNaN()));
      }
      count = count.plus(functions.when(present, 1).otherwise(0));
    }
    return df.filter(count.geq(minNonNulls));
  }

  /** Replaces nulls in numeric columns. Lazy. */
  public DataFrame fill(long value) {
    return fill(value, df.columns());
  }

  public DataFrame fill(double value) {
    return fill(value, df.columns());
  }

  /** Replaces nulls in string columns. Lazy. */
  public DataFrame fill(String value) {
    return fill(value, df.columns());
  }

  /** Replaces nulls in boolean columns. Lazy. */
  public DataFrame fill(boolean value) {
    return fill(value, df.columns());
  }

  /** Replaces nulls in the named numeric columns. Lazy. */
  public DataFrame fill(long value, String[] cols) {
    return fillWith(value, resolve(cols));
  }

  public DataFrame fill(double value, String[] cols) {
    return fillWith(value, resolve(cols));
  }

  public DataFrame fill(String value, String[] cols) {
    return fillWith(value, resolve(cols));
  }

  public DataFrame fill(boolean value, String[] cols) {
    return fillWith(value, resolve(cols));
  }

  /** Replaces nulls column by column: {@code {"age": 0, "name": "unknown"}}. Lazy. */
  public DataFrame fill(Map<String, Object> valueMap) {
    DataFrame out = df;
    for (Map.Entry<String, Object> e : valueMap.entrySet()) {
      AttributeRef a = Analyzer.resolveColumnName(e.getKey(), df.logicalPlan().output());
      Object v = e.getValue();
      DataType vt = Values.typeOf(v);
      if (!TypeCoercion.canImplicitCast(vt, a.dataType())) {
        throw new IllegalArgumentException("Unsupported value type " + v.getClass().getName() + " (" + v
            + ") for column " + a.name() + " of type " + a.dataType().simpleString());
      }
      out = out.fillColumns(List.of(a), new Literal(Values.normalize(v, vt), vt));
    }
    return out;
  }

  private DataFrame fillWith(Object value, List<AttributeRef> targets) {
    DataType vt = Values.typeOf(value);
    List<AttributeRef> applicable = new ArrayList<>();
    for (AttributeRef a : targets) {
      DataType t = a.dataType();
      boolean fits = vt.isNumeric() ? t.isNumeric()
          : vt.equals(DataTypes.StringType) ? t.equals(DataTypes.StringType)
          : vt.equals(DataTypes.BooleanType) && t.equals(DataTypes.BooleanType);
      if (fits) {
        applicable.add(a);
      }
    }
    return df.fillColumns(applicable, new Literal(value, vt));
  }

  private List<AttributeRef> resolve(String[] cols) {
    List<AttributeRef> out = new ArrayList<>();
    for (String c : Arrays.asList(cols)) {
      out.add(Analyzer.resolveColumnName(c, df.logicalPlan().output()));
    }
    return out;
  }

  /** {@code coalesce(a, value)}, and for doubles and floats NaN replaced too, as Spark's fill does. */
  static Expression filled(AttributeRef a, Literal value) {
    Expression v = Cast.implicit(value, a.dataType());
    // Nullable, as in Spark, when the value's cast may give null (a fraction into an integral column).
    Expression filled = new Call("coalesce", List.of(a, v), a.dataType(), a.nullable() && v.nullable());
    if (isFractional(a.dataType())) {
      Expression isNan = new Call("isnan", List.of(Cast.implicit(a, DataTypes.DoubleType)), DataTypes.BooleanType,
          false);
      filled = new io.kindling.internal.sql.expr.CaseWhen(List.of(isNan), List.of(v), filled);
    }
    return new Alias(filled, a.name(), io.kindling.internal.sql.expr.ExprIds.next());
  }

  private static boolean isFractional(DataType t) {
    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType);
  }
}
