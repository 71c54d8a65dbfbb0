package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.RangeNode;
import io.kindling.sql.types.DataTypes;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** {@code range}: generates the longs of each partition's share directly into vectors. */
public final class RangeExec extends PhysicalPlan {
  private final RangeNode range;

  public RangeExec(RangeNode range) {
    this.range = range;
  }

  @Override
  public List<AttributeRef> output() {
    return range.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "Range";
  }

  @Override
  public String argString() {
    return range.argString();
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    return new Node(context.nextNodeId(), CallSites.of("range"), range.start(), range.step(),
        range.numElements(), range.numPartitions(), context.settings().batchRows());
  }

  /** The lineage node: partition i holds elements {@code [i*n/p, (i+1)*n/p)} of the range, as Spark's. */
  static final class Node extends LineageNode<ColumnBatch> {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long step;
    private final long numElements;
    private final int partitions;
    private final int batchRows;

    Node(int id, String callSite, long start, long step, long numElements, int partitions, int batchRows) {
      super(id, callSite);
      this.start = start;
      this.step = step;
      this.numElements = numElements;
      this.partitions = partitions;
      this.batchRows = batchRows;
    }

    @Override
    public String kind() {
      return "MapPartitionsRDD";
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public List<Dependency> dependencies() {
      return List.of();
    }

    private long boundary(int i) {
      return BigInteger.valueOf(i).multiply(BigInteger.valueOf(numElements))
          .divide(BigInteger.valueOf(partitions)).longValue();
    }

    @Override
    public Iterator<ColumnBatch> compute(int partition, TaskContext context) {
      long from = boundary(partition);
      long to = boundary(partition + 1);
      return new Iterator<>() {
        private long next = from;

        @Override
        public boolean hasNext() {
          return next < to;
        }

        @Override
        public ColumnBatch next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int n = (int) Math.min(batchRows, to - next);
          long[] values = new long[n];
          long v = start + next * step;
          for (int i = 0; i < n; i++) {
            values[i] = v;
            v += step;
          }
          next += n;
          return new ColumnBatch(new ColumnVector[] {new LongVector(DataTypes.LongType, values, null, n)}, n);
        }
      };
    }
  }
}
