package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** Making vectors: constants, concatenations, from values. */
public final class Vectors {
  private Vectors() {}

  /** {@code n} copies of {@code value} (a Java row value, or null). */
  public static ColumnVector constant(DataType type, Object value, int n) {
    if (value == null) {
      return nulls(type, n);
    }
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
      int[] v = new int[n];
      Arrays.fill(v, ((Number) value).intValue());
      return new IntVector(type, v, null, n);
    }
    if (type.equals(DataTypes.DateType)) {
      int[] v = new int[n];
      Arrays.fill(v, (int) ((LocalDate) value).toEpochDay());
      return new IntVector(type, v, null, n);
    }
    if (type.equals(DataTypes.LongType)) {
      long[] v = new long[n];
      Arrays.fill(v, ((Number) value).longValue());
      return new LongVector(type, v, null, n);
    }
    if (type.equals(DataTypes.TimestampType)) {
      long[] v = new long[n];
      Arrays.fill(v, Timestamps.toMicros((LocalDateTime) value));
      return new LongVector(type, v, null, n);
    }
    if (type.equals(DataTypes.DoubleType)) {
      double[] v = new double[n];
      Arrays.fill(v, ((Number) value).doubleValue());
      return new DoubleVector(v, null, n);
    }
    if (type.equals(DataTypes.FloatType)) {
      float[] v = new float[n];
      Arrays.fill(v, ((Number) value).floatValue());
      return new FloatVector(v, null, n);
    }
    if (type.equals(DataTypes.BooleanType)) {
      boolean[] v = new boolean[n];
      Arrays.fill(v, (Boolean) value);
      return new BooleanVector(v, null, n);
    }
    if (type.equals(DataTypes.StringType)) {
      return StringVector.dictionary(new String[] {(String) value}, new int[n], null, n);
    }
    Object[] v = new Object[n];
    Arrays.fill(v, value);
    return new ObjectVector(type, v, n);
  }

  /** {@code n} nulls. */
  public static ColumnVector nulls(DataType type, int n) {
    boolean[] mask = new boolean[n];
    Arrays.fill(mask, true);
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)
        || type.equals(DataTypes.DateType)) {
      return new IntVector(type, new int[n], mask, n);
    }
    if (type.equals(DataTypes.LongType) || type.equals(DataTypes.TimestampType)) {
      return new LongVector(type, new long[n], mask, n);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return new DoubleVector(new double[n], mask, n);
    }
    if (type.equals(DataTypes.FloatType)) {
      return new FloatVector(new float[n], mask, n);
    }
    if (type.equals(DataTypes.BooleanType)) {
      return new BooleanVector(new boolean[n], mask, n);
    }
    if (type.equals(DataTypes.StringType)) {
      return StringVector.of(new String[n], n);
    }
    return new ObjectVector(type, new Object[n], n);
  }

  /** One vector of all the given ones, in order (all of the same type). */
  public static ColumnVector concat(DataType type, List<ColumnVector> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int total = 0;
    for (ColumnVector p : parts) {
      total += p.size();
    }
    boolean anyNull = false;
    for (ColumnVector p : parts) {
      anyNull |= p.hasNulls();
    }
    boolean[] nulls = anyNull ? new boolean[total] : null;
    if (anyNull) {
      int at = 0;
      for (ColumnVector p : parts) {
        if (p.hasNulls()) {
          System.arraycopy(p.nulls(), 0, nulls, at, p.size());
        }
        at += p.size();
      }
    }
    ColumnVector first = parts.isEmpty() ? nulls(type, 0) : parts.get(0);
    if (first instanceof IntVector) {
      int[] out = new int[total];
      int at = 0;
      for (ColumnVector p : parts) {
        System.arraycopy(((IntVector) p).values(), 0, out, at, p.size());
        at += p.size();
      }
      return new IntVector(type, out, nulls, total);
    }
    if (first instanceof LongVector) {
      long[] out = new long[total];
      int at = 0;
      for (ColumnVector p : parts) {
        System.arraycopy(((LongVector) p).values(), 0, out, at, p.size());
        at += p.size();
      }
      return new LongVector(type, out, nulls, total);
    }
    if (first instanceof DoubleVector) {
      double[] out = new double[total];
      int at = 0;
      for (ColumnVector p : parts) {
        System.arraycopy(((DoubleVector) p).values(), 0, out, at, p.size());
        at += p.size();
      }
      return new DoubleVector(out, nulls, total);
    }
    if (first instanceof FloatVector) {
      float[] out = new float[total];
      int at = 0;
      for (ColumnVector p : parts) {
        System.arraycopy(((FloatVector) p).values(), 0, out, at, p.size());
        at += p.size();
      }
      return new FloatVector(out, nulls, total);
    }
    if (first instanceof BooleanVector) {
      boolean[] out = new boolean[total];
      int at = 0;
      for (ColumnVector p : parts) {
        System.arraycopy(((BooleanVector) p).values(), 0, out, at, p.size());
        at += p.size();
      }
      return new BooleanVector(out, nulls, total);
    }
    if (first instanceof StringVector) {
      boolean sameDict = true;
      String[] dict = ((StringVector) first).dictionary();
      for (ColumnVector p : parts) {
        sameDict &= ((StringVector) p).isDictionary() && ((StringVector) p).dictionary() == dict;
      }
      if (sameDict && dict != null) {
        int[] out = new int[total];
        int at = 0;
        for (ColumnVector p : parts) {
          System.arraycopy(((StringVector) p).codes(), 0, out, at, p.size());
          at += p.size();
        }
        return StringVector.dictionary(dict, out, nulls, total);
      }
      StringVector merged = mergeDictionaries(parts, nulls, total);
      if (merged != null) {
        return merged;
      }
      String[] out = new String[total];
      int at = 0;
      for (ColumnVector p : parts) {
        StringVector s = (StringVector) p;
        for (int i = 0; i < s.size(); i++) {
          out[at++] = s.getString(i);
        }
      }
      return StringVector.of(out, total);
    }
    Object[] out = new Object[total];
    int at = 0;
    for (ColumnVector p : parts) {
      for (int i = 0; i < p.size(); i++) {
        out[at++] = p.get(i);
      }
    }
    return new ObjectVector(type, out, total);
  }

  /**
   * Dictionary-encoded parts with different dictionaries as one dictionary-encoded vector (so that a broadcast
   * build side keeps its few distinct strings encoded), or null when a part is plain or the merged dictionary
   * would not be small next to the rows.
   */
  private static StringVector mergeDictionaries(List<ColumnVector> parts, boolean[] nulls, int total) {
    int entries = 0;
    for (ColumnVector p : parts) {
      StringVector s = (StringVector) p;
      if (!s.isDictionary()) {
        return null;
      }
      entries += s.dictionary().length;
    }
    if (entries > Math.max(64, total / 8)) {
      return null;
    }
    java.util.Map<String, Integer> codesByValue = new java.util.HashMap<>();
    java.util.List<String> dict = new java.util.ArrayList<>();
    int[] out = new int[total];
    int at = 0;
    for (ColumnVector p : parts) {
      StringVector s = (StringVector) p;
      String[] d = s.dictionary();
      int[] remap = new int[d.length];
      for (int i = 0; i < d.length; i++) {
        remap[i] = codesByValue.computeIfAbsent(d[i], k -> {
          dict.add(k);
          return dict.size() - 1;
        });
      }
      int[] codes = s.codes();
      for (int i = 0; i < s.size(); i++) {
        out[at++] = s.isNull(i) ? 0 : remap[codes[i]];
      }
    }
    if (dict.isEmpty()) {
      return null;
    }
    return StringVector.dictionary(dict.toArray(new String[0]), out, nulls, total);
  }

  /** One batch of all the given batches' rows (all with the same column types). */
  public static ColumnBatch concat(List<DataType> types, List<ColumnBatch> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    int rows = 0;
    for (ColumnBatch b : batches) {
      rows += b.numRows();
    }
    ColumnVector[] cols = new ColumnVector[types.size()];
    for (int c = 0; c < cols.length; c++) {
      List<ColumnVector> parts = new java.util.ArrayList<>(batches.size());
      for (ColumnBatch b : batches) {
        parts.add(b.column(c));
      }
      cols[c] = concat(types.get(c), parts);
    }
    return new ColumnBatch(cols, rows);
  }

  /** A batch of rows (Java row values, already of the column types). */
  public static ColumnBatch fromRows(List<DataType> types, List<Object[]> rows) {
    VectorBuilder[] builders = new VectorBuilder[types.size()];
    for (int c = 0; c < builders.length; c++) {
      builders[c] = VectorBuilder.forType(types.get(c), rows.size());
    }
    for (Object[] r : rows) {
      for (int c = 0; c < builders.length; c++) {
        builders[c].append(r[c]);
      }
    }
    ColumnVector[] cols = new ColumnVector[builders.length];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = builders[c].build();
    }
    return new ColumnBatch(cols, rows.size());
  }
}
