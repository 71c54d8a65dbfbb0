package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.DataFrames;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.Row;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructField;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The rows of an RDD turned into batches, each value checked against the schema. */
public final class RddScanExec extends PhysicalPlan {
  private final List<AttributeRef> output;
  private final LineageNode<Row> rows;

  public RddScanExec(List<AttributeRef> output, LineageNode<Row> rows) {
    this.output = List.copyOf(output);
    this.rows = rows;
  }

  @Override
  public List<AttributeRef> output() {
    return output;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "Scan ExistingRDD";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(output);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    List<StructField> fields = output.stream().map(AttributeRef::toField).toList();
    int batchRows = context.settings().batchRows();
    return Lineages.map(context, rows, "createDataFrame", (p, it) -> toBatches(it, fields, batchRows));
  }

  static Iterator<ColumnBatch> toBatches(Iterator<Row> it, List<StructField> fields, int batchRows) {
    List<DataType> types = fields.stream().map(StructField::dataType).toList();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        VectorBuilder[] builders = new VectorBuilder[types.size()];
        for (int c = 0; c < builders.length; c++) {
          builders[c] = VectorBuilder.forType(types.get(c), batchRows);
        }
        int n = 0;
        while (n < batchRows && it.hasNext()) {
          Row r = it.next();
          if (r.size() != fields.size()) {
            throw new IllegalArgumentException("Row " + r + " has " + r.size() + " values but the schema has "
                + fields.size() + " fields");
          }
          for (int c = 0; c < builders.length; c++) {
            builders[c].append(DataFrames.convert(r.get(c), fields.get(c), c));
          }
          n++;
        }
        ColumnVector[] cols = new ColumnVector[builders.length];
        for (int c = 0; c < cols.length; c++) {
          cols[c] = builders[c].build();
        }
        return new ColumnBatch(cols, n);
      }
    };
  }
}
