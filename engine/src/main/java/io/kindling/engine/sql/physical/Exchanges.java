package io.kindling.engine.sql.physical;

import io.kindling.LongAccumulator;
import io.kindling.Tuple2;
import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Moves batches between partitions. With a shuffle service ({@code kindling.sql.exchange = shuffle}) the
 * exchange is a shuffle dependency in the lineage: map tasks write encoded batch slices keyed by their target
 * partition. Without one ({@code driver}), a job computes the map side first and the slices are held as a
 * materialized node; the rest of the plan is the same.
 */
final class Exchanges {
  private Exchanges() {}

  static LineageNode<ColumnBatch> exchange(ExecContext context, LineageNode<ColumnBatch> child,
      Partitioning spec, List<AttributeRef> input, List<Object[]> bounds) {
    return exchange(context, child, spec, input, bounds, 0);
  }

  /** An exchange; with {@code coalesceTargetBytes > 0}, read in as few partitions as hold that much each. */
  static LineageNode<ColumnBatch> exchange(ExecContext context, LineageNode<ColumnBatch> child,
      Partitioning spec, List<AttributeRef> input, List<Object[]> bounds, long coalesceTargetBytes) {
    String mode = context.session().config().hasPath("kindling.sql.exchange")
        ? context.session().config().getString("kindling.sql.exchange") : "shuffle";
    return mode.equals("driver") ? viaDriver(context, child, spec, input, bounds)
        : viaShuffle(context, child, spec, input, bounds, coalesceTargetBytes);
  }

  private static LineageNode<ColumnBatch> viaShuffle(ExecContext context, LineageNode<ColumnBatch> child,
      Partitioning spec, List<AttributeRef> input, List<Object[]> bounds, long coalesceTargetBytes) {
    // Few planned partitions are not worth the extra job that sizing them takes.
    boolean coalesce = coalesceTargetBytes > 0
        && spec.numPartitions() > Math.max(1, context.session().settings().defaultParallelism());
    LongAccumulator written = coalesce ? context.session().accumulators().newLong("exchange bytes") : null;
    LineageNode<Tuple2<Integer, byte[]>> mapSide = new MapPartitionsNode<>(context.nextNodeId(),
        CallSites.of("exchange"), child, (p, it) -> {
          BatchPartitioner partitioner = new BatchPartitioner(spec, input, p, bounds);
          return slices(it, partitioner, input, written);
        }, false, "MapPartitionsRDD");
    int shuffleId = context.session().nextShuffleId();
    ShuffleDependency<Integer, byte[], byte[]> dependency = new ShuffleDependency<>(mapSide, shuffleId,
        new DirectPartitioner(spec.numPartitions()), null, false, null);
    ShuffleReadNode read = new ShuffleReadNode(context.nextNodeId(), CallSites.of("exchange"), dependency, null);
    if (!coalesce) {
      // The map outputs go once no plan can read them any more, as for RDD shuffles.
      context.session().releaseShuffleWhenUnreachable(read, shuffleId);
      return read;
    }
    // As Spark's adaptive execution: run the map side now (a job reading one reduce partition, so the map
    // outputs are then in place for the query's own job), and size the reduce side by the bytes it wrote.
    context.session().runJob(read, new int[] {0}, (tc, it) -> 0, "exchange");
    long bytes = written.sum();
    int reducers = spec.numPartitions();
    int n = (int) Math.max(1, Math.min(reducers, (bytes + coalesceTargetBytes - 1) / coalesceTargetBytes));
    if (n == reducers) {
      context.session().releaseShuffleWhenUnreachable(read, shuffleId);
      return read;
    }
    int[] starts = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      starts[i] = (int) ((long) i * reducers / n);
    }
    ShuffleReadNode coalesced = new ShuffleReadNode(context.nextNodeId(), CallSites.of("exchange"), dependency,
        starts);
    context.session().releaseShuffleWhenUnreachable(coalesced, shuffleId);
    return coalesced;
  }

  /** Per map partition: the slices of every batch for each target, merged per target, then encoded. */
  private static Iterator<Tuple2<Integer, byte[]>> slices(Iterator<ColumnBatch> it, BatchPartitioner partitioner,
      List<AttributeRef> input, LongAccumulator written) {
    List<List<byte[]>> perTarget = split(it, partitioner, input);
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
    long bytes = 0;
    for (int t = 0; t < perTarget.size(); t++) {
      for (byte[] b : perTarget.get(t)) {
        out.add(Tuple2.of(t, b));
        bytes += b.length;
      }
    }
    if (written != null) {
      written.add(bytes);
    }
    return out.iterator();
  }

  private static List<List<byte[]>> split(Iterator<ColumnBatch> it, BatchPartitioner partitioner,
      List<AttributeRef> input) {
    int parts = partitioner.numPartitions();
    List<DataType> types = input.stream().map(AttributeRef::dataType).toList();
    List<List<ColumnBatch>> pending = new ArrayList<>(parts);
    int[] pendingRows = new int[parts];
    List<List<byte[]>> out = new ArrayList<>(parts);
    for (int t = 0; t < parts; t++) {
      pending.add(new ArrayList<>());
      out.add(new ArrayList<>());
    }
    while (it.hasNext()) {
      ColumnBatch[] pieces = partitioner.split(it.next());
      for (int t = 0; t < parts; t++) {
        ColumnBatch piece = pieces[t];
        if (piece == null || piece.numRows() == 0) {
          continue;
        }
        pending.get(t).add(piece);
        pendingRows[t] += piece.numRows();
        if (pendingRows[t] >= 4096) {
          out.get(t).add(BatchCodec.encode(Vectors.concat(types, pending.get(t))));
          pending.get(t).clear();
          pendingRows[t] = 0;
        }
      }
    }
    for (int t = 0; t < parts; t++) {
      if (!pending.get(t).isEmpty()) {
        out.get(t).add(BatchCodec.encode(Vectors.concat(types, pending.get(t))));
      }
    }
    return out;
  }

  private static LineageNode<ColumnBatch> viaDriver(ExecContext context, LineageNode<ColumnBatch> child,
      Partitioning spec, List<AttributeRef> input, List<Object[]> bounds) {
    int parts = spec.numPartitions();
    List<List<List<byte[]>>> perMap = context.session().runJob(child,
        (tc, it) -> split(it, new BatchPartitioner(spec, input, tc.partitionId(), bounds), input), "exchange");
    List<List<byte[]>> perReduce = new ArrayList<>(parts);
    for (int t = 0; t < parts; t++) {
      List<byte[]> target = new ArrayList<>();
      for (List<List<byte[]>> map : perMap) {
        target.addAll(map.get(t));
      }
      perReduce.add(target);
    }
    return new MaterializedNode(context.nextNodeId(), CallSites.of("exchange"), perReduce);
  }
}
