package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.join.HashedRelation;
import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.sql.types.DataType;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A broadcast join's build side: its batches, shipped once with the job's lineage to each node, and hashed
 * there once for all the tasks of the job (the decoded lineage is shared by the node's tasks).
 */
final class BroadcastRelation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<byte[]> batches;
  private final List<AttributeRef> attributes;
  private final List<Expression> keys;
  private transient volatile HashedRelation relation;

  BroadcastRelation(List<byte[]> batches, List<AttributeRef> attributes, List<Expression> keys) {
    this.batches = List.copyOf(batches);
    this.attributes = List.copyOf(attributes);
    this.keys = List.copyOf(keys);
  }

  HashedRelation relation() {
    HashedRelation r = relation;
    if (r == null) {
      synchronized (this) {
        r = relation;
        if (r == null) {
          r = build();
          relation = r;
        }
      }
    }
    return r;
  }

  private HashedRelation build() {
    List<DataType> types = attributes.stream().map(AttributeRef::dataType).toList();
    List<ColumnBatch> decoded = new ArrayList<>(batches.size());
    for (byte[] b : batches) {
      try {
        decoded.add(BatchCodec.decode(b));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ColumnBatch all = decoded.isEmpty() ? Vectors.fromRows(types, List.of()) : Vectors.concat(types, decoded);
    List<BatchExpr> compiled = ExprCompiler.compileAll(keys, attributes, EvalContext.DRIVER);
    ColumnVector[] keyCols = new ColumnVector[compiled.size()];
    for (int k = 0; k < keyCols.length; k++) {
      keyCols[k] = compiled.get(k).eval(all);
    }
    return HashedRelation.build(all, keyCols);
  }
}
