package io.kindling.engine.sql.vector;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A group of rows stored column by column: one vector per column, each {@link #numRows()} long. The element
 * of the lineage nodes DataFrame plans compile to. Serializable in a compact binary form ({@link BatchCodec}).
 */
public final class ColumnBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient ColumnVector[] columns;
  private final transient int numRows;

  public ColumnBatch(ColumnVector[] columns, int numRows) {
    this.columns = columns;
    this.numRows = numRows;
    for (ColumnVector c : columns) {
      if (c.size() != numRows) {
        throw new IllegalArgumentException("column of " + c.size() + " values in a batch of " + numRows + " rows");
      }
    }
  }

  /** A batch of {@code numRows} rows without columns (what a count needs). */
  public static ColumnBatch empty(int numRows) {
    return new ColumnBatch(new ColumnVector[0], numRows);
  }

  public int numRows() {
    return numRows;
  }

  public int numColumns() {
    return columns.length;
  }

  public ColumnVector column(int i) {
    return columns[i];
  }

  public ColumnVector[] columns() {
    return columns.clone();
  }

  /** The rows at {@code indices[0..n)}. */
  public ColumnBatch gather(int[] indices, int n) {
    ColumnVector[] out = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].gather(indices, n);
    }
    return new ColumnBatch(out, n);
  }

  /** Rows {@code [from, to)}. */
  public ColumnBatch slice(int from, int to) {
    if (from == 0 && to == numRows) {
      return this;
    }
    ColumnVector[] out = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].slice(from, to);
    }
    return new ColumnBatch(out, to - from);
  }

  /** The values of row {@code r}. */
  public Object[] row(int r) {
    Object[] values = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      values[c] = columns[c].get(r);
    }
    return values;
  }

  /** Only the given columns, in that order. */
  public ColumnBatch project(int[] ordinals) {
    ColumnVector[] out = new ColumnVector[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      out[i] = columns[ordinals[i]];
    }
    return new ColumnBatch(out, numRows);
  }

  @Override
  public String toString() {
    return "ColumnBatch(" + numRows + " rows, " + Arrays.stream(columns).map(c -> c.type().simpleString()).toList()
        + ")";
  }

  private Object writeReplace() throws ObjectStreamException {
    return new Serialized(BatchCodec.encode(this));
  }

  /** The serial form: the codec's bytes. */
  private record Serialized(byte[] bytes) implements Serializable {
    private Object readResolve() throws ObjectStreamException {
      try {
        return BatchCodec.decode(bytes);
      } catch (IOException e) {
        throw new java.io.InvalidObjectException("corrupt column batch: " + e.getMessage());
      }
    }
  }
}
