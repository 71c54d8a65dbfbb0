package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import java.util.Arrays;

/** Values without a primitive form (arrays, structs, binary, aggregation states), as Java objects. */
public final class ObjectVector extends ColumnVector {
  private final Object[] values;

  public ObjectVector(DataType type, Object[] values, int size) {
    super(type, size, nullsOf(values, size));
    this.values = values;
  }

  private static boolean[] nullsOf(Object[] values, int size) {
    boolean[] nulls = null;
    for (int i = 0; i < size; i++) {
      if (values[i] == null) {
        if (nulls == null) {
          nulls = new boolean[size];
        }
        nulls[i] = true;
      }
    }
    return nulls;
  }

  public Object[] values() {
    return values;
  }

  @Override
  public Object get(int i) {
    return values[i];
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      int j = indices[i];
      out[i] = j < 0 ? null : values[j];
    }
    return new ObjectVector(type, out, n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new ObjectVector(type, Arrays.copyOfRange(values, from, to), to - from);
  }
}
