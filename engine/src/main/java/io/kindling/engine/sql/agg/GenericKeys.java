package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.eval.Keys;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups by any keys (several columns, doubles, booleans, arrays) with a hash map of their values. */
final class GenericKeys implements GroupKeys {
  private final List<DataType> types;
  private final Map<Object, Integer> ids = new HashMap<>();
  private final List<Object[]> keysById = new ArrayList<>();

  GenericKeys(List<DataType> types) {
    this.types = List.copyOf(types);
  }

  @Override
  public void assign(ColumnVector[] keys, int n, int[] groupIds) {
    int k = keys.length;
    for (int i = 0; i < n; i++) {
      Object[] values = new Object[k];
      Object[] normalized = new Object[k];
      for (int c = 0; c < k; c++) {
        // The group keeps the normalized value, so a group of 0.0 and -0.0 shows 0.0 (as in Spark).
        values[c] = Keys.normalizeFloating(keys[c].get(i));
        normalized[c] = Keys.normalize(values[c]);
      }
      Object key = k == 1 ? (normalized[0] == null ? NullKey.INSTANCE : normalized[0])
          : new Keys.Composite(normalized);
      Integer id = ids.get(key);
      if (id == null) {
        id = keysById.size();
        ids.put(key, id);
        keysById.add(values);
      }
      groupIds[i] = id;
    }
  }

  @Override
  public int numGroups() {
    return keysById.size();
  }

  @Override
  public ColumnVector[] keys(int from, int to) {
    ColumnVector[] out = new ColumnVector[types.size()];
    for (int c = 0; c < out.length; c++) {
      VectorBuilder b = VectorBuilder.forType(types.get(c), to - from);
      for (int g = from; g < to; g++) {
        b.append(keysById.get(g)[c]);
      }
      out[c] = b.build();
    }
    return out;
  }

  private enum NullKey { INSTANCE }
}
