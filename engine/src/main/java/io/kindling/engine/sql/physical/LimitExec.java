package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The first {@code limit} rows: a limit in each partition, then all partitions into one and a final limit. */
public final class LimitExec extends PhysicalPlan {
  private final int limit;
  private final PhysicalPlan child;

  public LimitExec(int limit, PhysicalPlan child) {
    this.limit = limit;
    this.child = child;
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public String nodeName() {
    return "GlobalLimit";
  }

  @Override
  public String argString() {
    return Integer.toString(limit);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    int n = limit;
    LineageNode<ColumnBatch> local = Lineages.map(context, context.lineage(child), "limit", (p, it) -> limit(it, n));
    if (local.numPartitions() == 1) {
      return local;
    }
    LineageNode<ColumnBatch> single = Exchanges.exchange(context, local, new Partitioning.Single(), child.output(),
        List.of());
    return Lineages.map(context, single, "limit", (p, it) -> limit(it, n));
  }

  static Iterator<ColumnBatch> limit(Iterator<ColumnBatch> it, int n) {
    return new Iterator<>() {
      private int remaining = n;
      private ColumnBatch next;

      @Override
      public boolean hasNext() {
        while (next == null && remaining > 0 && it.hasNext()) {
          ColumnBatch b = it.next();
          if (b.numRows() == 0) {
            continue;
          }
          next = b.numRows() <= remaining ? b : b.slice(0, remaining);
          remaining -= next.numRows();
        }
        return next != null;
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ColumnBatch b = next;
        next = null;
        return b;
      }
    };
  }
}
