package io.kindling.engine.sql;

import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.exec.BatchRows;
import io.kindling.engine.sql.physical.ExecContext;
import io.kindling.engine.sql.physical.InMemoryScans;
import io.kindling.engine.sql.physical.PhysicalPlan;
import io.kindling.engine.sql.physical.PhysicalPlanner;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.internal.sql.plan.LimitNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import io.kindling.spi.DataFrameEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The engine's {@link DataFrameEngine}: plans physically and runs the lineage through the session. */
public final class EngineDataFrames implements DataFrameEngine {

  @Override
  public String explainPhysical(LogicalPlan plan, SqlContext context) {
    return new PhysicalPlanner(context).plan(plan).treeString();
  }

  @Override
  public List<Row> collect(LogicalPlan plan, SqlContext context) {
    if (plan instanceof LimitNode l) {
      return take(l.child(), l.limit(), context);
    }
    StructType schema = plan.schema();
    LineageNode<ColumnBatch> lineage = lineage(plan, context);
    List<ArrayList<Row>> parts = context.session().runJob(lineage,
        (tc, it) -> BatchRows.toList(it, schema, Integer.MAX_VALUE), "collect");
    return BatchRows.flatten(parts);
  }

  @Override
  public List<Row> take(LogicalPlan plan, int n, SqlContext context) {
    if (plan instanceof LimitNode l) {
      return take(l.child(), Math.min(n, l.limit()), context);
    }
    StructType schema = plan.schema();
    LineageNode<ColumnBatch> lineage = lineage(plan, context);
    List<Row> buffer = new ArrayList<>();
    int total = lineage.numPartitions();
    int scanned = 0;
    while (buffer.size() < n && scanned < total) {
      int toTry = 1;
      if (scanned > 0) {
        // Spark's scale-up: quadruple after an empty scan, otherwise estimate from what was found.
        toTry = buffer.isEmpty() ? scanned * 4
            : Math.max(1, Math.min((int) Math.ceil(1.5 * n * scanned / buffer.size()) - scanned, scanned * 4));
      }
      int left = n - buffer.size();
      int[] parts = IntStream.range(scanned, Math.min(scanned + toTry, total)).toArray();
      List<ArrayList<Row>> results = context.session().runJob(lineage, parts,
          (tc, it) -> BatchRows.toList(it, schema, left), "take");
      for (List<Row> r : results) {
        for (Row x : r) {
          if (buffer.size() < n) {
            buffer.add(x);
          }
        }
      }
      scanned += parts.length;
    }
    return buffer;
  }

  @Override
  public LineageNode<Row> toRows(LogicalPlan plan, SqlContext context) {
    StructType schema = plan.schema();
    LineageNode<ColumnBatch> lineage = lineage(plan, context);
    return new MapPartitionsNode<>(context.session().nextNodeId(), CallSites.of("rdd"), lineage,
        (p, it) -> BatchRows.iterator(it, schema), false, "MapPartitionsRDD");
  }

  @Override
  public int numPartitions(LogicalPlan plan, SqlContext context) {
    return lineage(plan, context).numPartitions();
  }

  @Override
  public FileSource resolveSource(String format, List<String> paths, Map<String, String> options,
      StructType userSchema, SqlContext context) {
    return FileSources.resolve(format, paths, options, userSchema, context);
  }

  @Override
  public void write(LogicalPlan plan, WriteRequest request, SqlContext context) {
    FileSinks.write(plan, request, context);
  }

  @Override
  public Object evaluateConstant(Expression foldable) {
    return ExprCompiler.evaluateConstant(foldable);
  }

  @Override
  public void uncache(Object materialized, SqlContext context) {
    InMemoryScans.uncache(materialized);
  }

  /** The lineage of batches computing {@code plan} (may run jobs for exchanges and broadcasts). */
  public static LineageNode<ColumnBatch> lineage(LogicalPlan plan, SqlContext context) {
    PhysicalPlan physical = new PhysicalPlanner(context).plan(plan);
    return new ExecContext(context).lineage(physical);
  }
}
