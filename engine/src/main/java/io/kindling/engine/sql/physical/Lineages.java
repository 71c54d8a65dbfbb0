package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.PartitionTransform;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Helpers for building lineage of batches. */
final class Lineages {
  private Lineages() {}

  /** A narrow transformation of each partition's batches, pipelined with its parent. */
  static <T> LineageNode<ColumnBatch> map(ExecContext context, LineageNode<T> parent, String operation,
      PartitionTransform<T, ColumnBatch> transform) {
    return new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation), parent, transform, false,
        "MapPartitionsRDD");
  }

  /** Maps each element, dropping nulls (so operators can skip empty batches by returning null). */
  static <T, R> Iterator<R> mapNonNull(Iterator<T> input, Function<T, R> f) {
    return new Iterator<>() {
      private R next;

      @Override
      public boolean hasNext() {
        while (next == null && input.hasNext()) {
          next = f.apply(input.next());
        }
        return next != null;
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        R r = next;
        next = null;
        return r;
      }
    };
  }
}
