package io.kindling.engine.sql.exec;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Rows of batches, carrying the schema so that {@code getAs(name)} works. */
public final class BatchRows {
  private BatchRows() {}

  public static ArrayList<Row> toList(Iterator<ColumnBatch> batches, StructType schema, int limit) {
    ArrayList<Row> rows = new ArrayList<>();
    while (rows.size() < limit && batches.hasNext()) {
      ColumnBatch b = batches.next();
      int n = Math.min(b.numRows(), limit - rows.size());
      for (int i = 0; i < n; i++) {
        rows.add(Row.wrap(b.row(i), schema));
      }
    }
    return rows;
  }

  public static Iterator<Row> iterator(Iterator<ColumnBatch> batches, StructType schema) {
    return new Iterator<>() {
      private ColumnBatch current;
      private int next;

      @Override
      public boolean hasNext() {
        while ((current == null || next >= current.numRows()) && batches.hasNext()) {
          current = batches.next();
          next = 0;
        }
        return current != null && next < current.numRows();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return Row.wrap(current.row(next++), schema);
      }
    };
  }

  public static <T> List<T> flatten(List<? extends List<T>> parts) {
    List<T> all = new ArrayList<>();
    for (List<T> p : parts) {
      all.addAll(p);
    }
    return Collections.unmodifiableList(all);
  }
}
