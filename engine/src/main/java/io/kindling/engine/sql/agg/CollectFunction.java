package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.eval.Keys;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.ObjectVector;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** collect_list and collect_set: the group's non-null values as an array (distinct ones for a set). */
final class CollectFunction extends AggFunction {
  private final boolean distinct;
  private final ArrayType type;
  private Object[] groups = new Object[0];

  CollectFunction(boolean distinct, ArrayType type) {
    this.distinct = distinct;
    this.type = type;
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(type);
  }

  @Override
  public void ensureCapacity(int n) {
    if (n > groups.length) {
      groups = Arrays.copyOf(groups, grow(groups.length, n));
    }
  }

  @SuppressWarnings("unchecked")
  private void add(int g, Object value) {
    if (distinct) {
      Map<Object, Object> set = (Map<Object, Object>) groups[g];
      if (set == null) {
        set = new LinkedHashMap<>();
        groups[g] = set;
      }
      set.putIfAbsent(Keys.normalize(value), value);
    } else {
      List<Object> list = (List<Object>) groups[g];
      if (list == null) {
        list = new ArrayList<>();
        groups[g] = list;
      }
      list.add(value);
    }
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    ColumnVector v = args[0];
    for (int i = 0; i < n; i++) {
      Object x = v.get(i);
      if (x != null) {
        add(groupIds[i], x);
      } else {
        ensureGroup(groupIds[i]);
      }
    }
  }

  private void ensureGroup(int g) {
    if (groups[g] == null) {
      groups[g] = distinct ? new LinkedHashMap<>() : new ArrayList<>();
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    ColumnVector v = states[offset];
    for (int i = 0; i < n; i++) {
      List<?> list = (List<?>) v.get(i);
      ensureGroup(groupIds[i]);
      if (list != null) {
        for (Object x : list) {
          add(groupIds[i], x);
        }
      }
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = result(from, to);
  }

  @Override
  @SuppressWarnings("unchecked")
  public ColumnVector result(int from, int to) {
    Object[] out = new Object[to - from];
    for (int g = from; g < to; g++) {
      Object s = groups[g];
      if (s == null) {
        out[g - from] = new ArrayList<>();
      } else if (distinct) {
        out[g - from] = new ArrayList<>(((Map<Object, Object>) s).values());
      } else {
        out[g - from] = new ArrayList<>((List<Object>) s);
      }
    }
    return new ObjectVector(type, out, to - from);
  }
}
