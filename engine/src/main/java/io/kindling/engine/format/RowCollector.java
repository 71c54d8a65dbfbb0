package io.kindling.engine.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link RowConsumer} that collects rows as {@code Object[]} of plain Java values: for tests and small reads. */
public final class RowCollector implements RowConsumer {
  private final int width;
  private final List<Object[]> rows = new ArrayList<>();
  private Object[] current;

  public RowCollector(int width) {
    this.width = width;
    this.current = new Object[width];
  }

  @Override
  public void setNull(int column) {
    current[column] = null;
  }

  @Override
  public void setObject(int column, Object value) {
    current[column] = value;
  }

  @Override
  public void endRow() {
    rows.add(current);
    current = new Object[width];
  }

  @Override
  public void discardRow() {
    Arrays.fill(current, null);
  }

  public List<Object[]> rows() {
    return rows;
  }
}
