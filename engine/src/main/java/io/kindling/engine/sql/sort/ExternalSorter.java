package io.kindling.engine.sql.sort;

import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.sql.types.DataType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Sorts one partition's batches. Rows are buffered until {@code spillRows}; then the buffer is sorted and
 * written to a temporary file as a run. At the end the runs (and the last buffer) are merged, so a partition
 * larger than memory still sorts. Close it to delete the files.
 */
public final class ExternalSorter implements AutoCloseable {
  private final List<DataType> types;
  private final Function<ColumnBatch, ColumnVector[]> keys;
  private final KeyComparator comparator;
  private final long spillRows;
  private final int batchRows;
  private final List<ColumnBatch> buffer = new ArrayList<>();
  private long buffered;
  private final List<Path> runs = new ArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * @param keys computes the sort-key vectors of a batch
   */
  public ExternalSorter(List<DataType> types, Function<ColumnBatch, ColumnVector[]> keys, KeyComparator comparator,
      long spillRows, int batchRows) {
    this.types = List.copyOf(types);
    this.keys = keys;
    this.comparator = comparator;
    this.spillRows = Math.max(1, spillRows);
    this.batchRows = batchRows;
  }

  public void add(ColumnBatch batch) {
    if (batch.numRows() == 0) {
      return;
    }
    buffer.add(batch);
    buffered += batch.numRows();
    if (buffered >= spillRows) {
      spill();
    }
  }

  /** The number of runs written to disk so far. */
  public int spilledRuns() {
    return runs.size();
  }

  /** The rows in order, in batches of at most {@code batchRows}. */
  public Iterator<ColumnBatch> sorted() {
    if (runs.isEmpty()) {
      return sortedBuffer();
    }
    if (!buffer.isEmpty()) {
      spill();
    }
    return merge();
  }

  private Iterator<ColumnBatch> sortedBuffer() {
    if (buffer.isEmpty()) {
      return java.util.Collections.emptyIterator();
    }
    ColumnBatch all = Vectors.concat(types, buffer);
    buffer.clear();
    buffered = 0;
    int n = all.numRows();
    ColumnVector[] k = keys.apply(all);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    IntSorter.sort(order, n, (a, b) -> comparator.compare(k, a, k, b));
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int count = Math.min(batchRows, n - next);
        int[] idx = java.util.Arrays.copyOfRange(order, next, next + count);
        next += count;
        return all.gather(idx, count);
      }
    };
  }

  private void spill() {
    Iterator<ColumnBatch> sorted = sortedBuffer();
    try {
      Path file = Files.createTempFile("kindling-sort-", ".run");
      runs.add(file);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
          1 << 16))) {
        while (sorted.hasNext()) {
          out.writeBoolean(true);
          BatchCodec.write(sorted.next(), out);
        }
        out.writeBoolean(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a sort run to disk: " + e.getMessage(), e);
    }
  }

  /** A run being merged: its current batch and position. */
  private final class Cursor {
    private final DataInputStream in;
    private ColumnBatch batch;
    private ColumnVector[] batchKeys;
    private int row;

    Cursor(Path file) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      open.add(in);
      advanceBatch();
    }

    boolean advanceBatch() throws IOException {
      try {
        if (!in.readBoolean()) {
          batch = null;
          return false;
        }
      } catch (EOFException e) {
        batch = null;
        return false;
      }
      batch = BatchCodec.read(in);
      batchKeys = keys.apply(batch);
      row = 0;
      return true;
    }

    boolean advance() throws IOException {
      row++;
      if (row < batch.numRows()) {
        return true;
      }
      return advanceBatch() && batch.numRows() > 0;
    }
  }

  private Iterator<ColumnBatch> merge() {
    PriorityQueue<Cursor> heap = new PriorityQueue<>(
        (a, b) -> comparator.compare(a.batchKeys, a.row, b.batchKeys, b.row));
    try {
      for (Path run : runs) {
        Cursor c = new Cursor(run);
        if (c.batch != null && c.batch.numRows() > 0) {
          heap.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heap.isEmpty();
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
        int count = 0;
        try {
          while (count < batchRows && !heap.isEmpty()) {
            Cursor c = heap.poll();
            for (int col = 0; col < builders.length; col++) {
              builders[col].appendFrom(c.batch.column(col), c.row);
            }
            count++;
            if (c.advance()) {
              heap.add(c);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ColumnVector[] cols = new ColumnVector[builders.length];
        for (int c = 0; c < cols.length; c++) {
          cols[c] = builders[c].build();
        }
        return new ColumnBatch(cols, count);
      }
    };
  }

  @Override
  public void close() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing a finished reader can't lose data; the file is deleted next.
      }
    }
    for (Path p : runs) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // A temporary file left behind is cleaned by the OS's temp directory policy.
      }
    }
    runs.clear();
  }
}
