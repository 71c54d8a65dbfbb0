package io.kindling.sql;

import io.kindling.internal.sql.analysis.Analyzer;
import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.plan.AggregateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows grouped by some expressions, waiting for aggregate functions. The result has the grouping columns
 * first, then one column per aggregate, named as Spark names them ({@code sum(total_sales)}, {@code count}).
 * Aggregation pre-aggregates within each partition, then exchanges the partial results by group.
 */
public class GroupedData {
  private final DataFrame df;
  private final List<Expression> groupings;

  GroupedData(DataFrame df, List<Expression> groupings) {
    this.df = df;
    this.groupings = List.copyOf(groupings);
  }

  /** Computes the given aggregates per group. Lazy. */
  public DataFrame agg(Column expr, Column... exprs) {
    List<Column> all = new ArrayList<>();
    all.add(expr);
    all.addAll(List.of(exprs));
    return aggregate(all);
  }

  /** Computes the given aggregates per group. Lazy. */
  public DataFrame agg(List<Column> exprs) {
    return aggregate(exprs);
  }

  /** The number of rows of each group, in a column named {@code count}. Lazy. */
  public DataFrame count() {
    return aggregate(List.of(new Column(Alias.of(
        new AggregateCall("count", List.of(Literal.of(1)), false, null), "count"))));
  }

  /** The sum of each named numeric column (all numeric columns when none is named). Lazy. */
  public DataFrame sum(String... colNames) {
    return numeric("sum", colNames);
  }

  /** The average of each named numeric column (all numeric columns when none is named). Lazy. */
  public DataFrame avg(String... colNames) {
    return numeric("avg", colNames);
  }

  /** Same as {@link #avg}. */
  public DataFrame mean(String... colNames) {
    return numeric("avg", colNames);
  }

  public DataFrame min(String... colNames) {
    return numeric("min", colNames);
  }

  public DataFrame max(String... colNames) {
    return numeric("max", colNames);
  }

  private DataFrame numeric(String function, String[] colNames) {
    List<AttributeRef> input = df.logicalPlan().output();
    List<AttributeRef> targets = new ArrayList<>();
    if (colNames.length == 0) {
      for (AttributeRef a : input) {
        if (a.dataType().isNumeric()) {
          targets.add(a);
        }
      }
    } else {
      for (String name : colNames) {
        AttributeRef a = Analyzer.resolveColumnName(name, input);
        if (!a.dataType().isNumeric()) {
          throw new AnalysisException("\"" + name + "\" is not a numeric column. Aggregation function can only "
              + "be applied on a numeric column.");
        }
        targets.add(a);
      }
    }
    List<Column> aggs = new ArrayList<>();
    for (AttributeRef a : targets) {
      aggs.add(new Column(AggregateCall.of(function, a)));
    }
    return aggregate(aggs);
  }

  private DataFrame aggregate(List<Column> exprs) {
    List<AttributeRef> input = df.logicalPlan().output();
    List<Expression> output = new ArrayList<>(groupings);
    List<Expression> groupingExprs = new ArrayList<>();
    for (Expression g : groupings) {
      groupingExprs.add(g instanceof Alias a ? a.child() : g);
    }
    for (Column c : exprs) {
      Expression resolved = Analyzer.resolve(c.expr(), input);
      checkAggregate(resolved, groupingExprs);
      output.add(DataFrame.named(resolved));
    }
    return df.derive(new AggregateNode(groupingExprs, output, df.logicalPlan()));
  }

  /** Fails when an expression reads a column outside both the grouping expressions and aggregate functions. */
  private static void checkAggregate(Expression e, List<Expression> groupingExprs) {
    Expression bare = e instanceof Alias a ? a.child() : e;
    String problem = nonAggregated(bare, groupingExprs);
    if (problem != null) {
      throw new AnalysisException("[MISSING_AGGREGATION] The non-aggregating expression \"" + problem
          + "\" is based on columns which are not participating in the GROUP BY clause.\nAdd the columns or the "
          + "expression to the GROUP BY, aggregate the expression, or use \"any_value(" + problem
          + ")\" if you do not care which of the values within a group is returned.");
    }
  }

  private static String nonAggregated(Expression e, List<Expression> groupingExprs) {
    if (e instanceof AggregateCall || groupingExprs.contains(e)) {
      return null;
    }
    if (e instanceof AttributeRef a) {
      return a.name();
    }
    for (Expression c : e.children()) {
      String p = nonAggregated(c, groupingExprs);
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
