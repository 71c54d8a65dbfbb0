package io.kindling.engine.sql.physical;

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
    String mode = context.session().config().hasPath("kindling.sql.exchange")
        ? context.session().config().getString("kindling.sql.exchange") : "shuffle";
    return mode.equals("driver") ? viaDriver(context, child, spec, input, bounds)
        : viaShuffle(context, child, spec, input, bounds);
  }

  private static LineageNode<ColumnBatch> viaShuffle(ExecContext context, LineageNode<ColumnBatch> child,
      Partitioning spec, List<AttributeRef> input, List<Object[]> bounds) {
    LineageNode<Tuple2<Integer, byte[]>> mapSide = new MapPartitionsNode<>(context.nextNodeId(),
        CallSites.of("exchange"), child, (p, it) -> {
          BatchPartitioner partitioner = new BatchPartitioner(spec, input, p, bounds);
          return slices(it, partitioner, input);
        }, false, "MapPartitionsRDD");
    int shuffleId = context.session().nextShuffleId();
    ShuffleDependency<Integer, byte[], byte[]> dependency = new ShuffleDependency<>(mapSide, shuffleId,
        new DirectPartitioner(spec.numPartitions()), null, false, null);
    ShuffleReadNode read = new ShuffleReadNode(context.nextNodeId(), CallSites.of("exchange"), dependency);
    // The map outputs go once no plan can read them any more, as for RDD shuffles.
    context.session().releaseShuffleWhenUnreachable(read, shuffleId);
    return read;
  }

  /** Per map partition: the slices of every batch for each target, merged per target, then encoded. */
  private static Iterator<Tuple2<Integer, byte[]>> slices(Iterator<ColumnBatch> it, BatchPartitioner partitioner,
      List<AttributeRef> input) {
    List<List<byte[]>> perTarget = split(it, partitioner, input);
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
    for (int t = 0; t < perTarget.size(); t++) {
      for (byte[] b : perTarget.get(t)) {
        out.add(Tuple2.of(t, b));
      }
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
