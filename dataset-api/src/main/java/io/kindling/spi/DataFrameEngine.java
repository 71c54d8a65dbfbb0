package io.kindling.spi;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * Runs optimized DataFrame plans on column batches: physical planning, execution through the session's
 * backend, file sources and sinks. Implemented by the engine and found with {@link java.util.ServiceLoader}.
 */
public interface DataFrameEngine {

  /** The physical plan, as {@code explain()} prints it after {@code == Physical Plan ==}. */
  String explainPhysical(LogicalPlan plan, SqlContext context);

  /** Every row, in partition order. Runs a job. */
  List<Row> collect(LogicalPlan plan, SqlContext context);

  /** The first {@code n} rows, reading as few partitions as possible. Runs one or more jobs. */
  List<Row> take(LogicalPlan plan, int n, SqlContext context);

  /** The rows as a lineage node (for {@code df.rdd()}); nothing runs until an action on it. */
  LineageNode<Row> toRows(LogicalPlan plan, SqlContext context);

  /** The number of partitions the plan's output has (may run jobs for exchanges). */
  int numPartitions(LogicalPlan plan, SqlContext context);

  /**
   * Lists the files of a source and settles its schema: the user's, or inferred (which reads the data when
   * the options ask for it, as Spark's {@code inferSchema} does). Fails when a path does not exist.
   */
  FileSource resolveSource(String format, List<String> paths, Map<String, String> options, StructType userSchema,
      SqlContext context);

  /** Writes the plan's rows as files, committing atomically. Runs a job. */
  void write(LogicalPlan plan, WriteRequest request, SqlContext context);

  /** The value of an expression that reads no column (for constant folding). */
  Object evaluateConstant(io.kindling.internal.sql.expr.Expression foldable);

  /** Forgets what was materialized for a cached plan. */
  void uncache(Object materialized, SqlContext context);

  /** What a DataFrameWriter asks for. */
  record WriteRequest(String format, String path, String mode, Map<String, String> options,
      List<String> partitionBy) {
    public WriteRequest {
      options = Map.copyOf(options);
      partitionBy = List.copyOf(partitionBy);
    }
  }
}
