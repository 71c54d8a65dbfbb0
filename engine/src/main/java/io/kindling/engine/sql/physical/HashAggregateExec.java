package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.agg.AggFunction;
import io.kindling.engine.sql.agg.AggFunctions;
import io.kindling.engine.sql.agg.HashAggregator;
import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hash aggregation of one partition. {@code PARTIAL} folds input rows and emits keys and partial states;
 * {@code FINAL} merges partial states (after an exchange by key) and emits keys and results; {@code COMPLETE}
 * does both in one pass when no exchange is needed.
 */
public final class HashAggregateExec extends PhysicalPlan {

  /** Which half of the aggregation this node does. */
  public enum Mode { PARTIAL, FINAL, COMPLETE }

  private final Mode mode;
  private final List<Expression> groupings;
  private final List<AttributeRef> keyAttrs;
  private final List<AggregateCall> calls;
  private final List<AttributeRef> resultAttrs;
  private final PhysicalPlan child;

  /**
   * @param groupings the grouping expressions over the child's output (PARTIAL, COMPLETE) — for FINAL, the
   *     key attributes of the partial output
   * @param keyAttrs the output attributes of the keys
   * @param calls the aggregate calls, with arguments over the child's output (PARTIAL, COMPLETE)
   * @param resultAttrs the output attributes of the states (PARTIAL) or results (FINAL, COMPLETE)
   */
  public HashAggregateExec(Mode mode, List<Expression> groupings, List<AttributeRef> keyAttrs,
      List<AggregateCall> calls, List<AttributeRef> resultAttrs, PhysicalPlan child) {
    this.mode = mode;
    this.groupings = List.copyOf(groupings);
    this.keyAttrs = List.copyOf(keyAttrs);
    this.calls = List.copyOf(calls);
    this.resultAttrs = List.copyOf(resultAttrs);
    this.child = child;
  }

  /** The attributes of each call's partial state columns, for a PARTIAL node's output. */
  public static List<AttributeRef> stateAttributes(List<AggregateCall> calls) {
    List<AttributeRef> out = new ArrayList<>();
    for (AggregateCall c : calls) {
      List<DataType> types = AggFunctions.create(c).stateTypes();
      for (int i = 0; i < types.size(); i++) {
        out.add(AttributeRef.of(c.name() + "#state" + i, types.get(i), true));
      }
    }
    return out;
  }

  @Override
  public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>(keyAttrs);
    out.addAll(resultAttrs);
    return out;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public String nodeName() {
    return "HashAggregate";
  }

  /** Spark prints no space before the arguments of this node. */
  @Override
  protected String line() {
    return nodeName() + argString();
  }

  @Override
  public String argString() {
    String prefix = mode == Mode.PARTIAL ? "partial_" : "";
    return "(keys=" + LogicalPlan.list(groupings) + ", functions=["
        + calls.stream().map(c -> prefix + c).collect(Collectors.joining(", ")) + "], output="
        + LogicalPlan.list(output()) + ")";
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    Mode m = mode;
    List<Expression> keys = groupings;
    List<AggregateCall> aggs = calls;
    List<AttributeRef> input = child.output();
    List<DataType> keyTypes = keyAttrs.stream().map(AttributeRef::dataType).toList();
    int batchRows = context.settings().batchRows();
    return Lineages.map(context, context.lineage(child), "agg", (p, it) -> {
      List<AggFunction> functions = new ArrayList<>();
      for (AggregateCall c : aggs) {
        functions.add(AggFunctions.create(c));
      }
      HashAggregator aggregator = new HashAggregator(keyTypes, functions);
      if (m == Mode.FINAL) {
        while (it.hasNext()) {
          aggregator.merge(it.next(), keyTypes.size());
        }
      } else {
        EvalContext ctx = new EvalContext(p);
        List<BatchExpr> keyExprs = ExprCompiler.compileAll(keys, input, ctx);
        List<List<BatchExpr>> argExprs = new ArrayList<>();
        for (AggregateCall c : aggs) {
          argExprs.add(ExprCompiler.compileAll(c.args(), input, ctx));
        }
        while (it.hasNext()) {
          ColumnBatch b = it.next();
          int n = b.numRows();
          if (n == 0) {
            continue;
          }
          ColumnVector[] keyCols = new ColumnVector[keyExprs.size()];
          for (int k = 0; k < keyCols.length; k++) {
            keyCols[k] = keyExprs.get(k).eval(b);
          }
          ColumnVector[][] args = new ColumnVector[argExprs.size()][];
          for (int f = 0; f < args.length; f++) {
            List<BatchExpr> a = argExprs.get(f);
            args[f] = new ColumnVector[a.size()];
            for (int k = 0; k < a.size(); k++) {
              args[f][k] = a.get(k).eval(b);
            }
          }
          aggregator.update(keyCols, args, n);
        }
      }
      return aggregator.output(m == Mode.PARTIAL, batchRows);
    });
  }
}
