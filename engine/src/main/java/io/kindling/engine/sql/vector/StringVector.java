package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/**
 * Strings, plain ({@code values[i]}) or dictionary-encoded ({@code dictionary[codes[i]]}), which lets
 * grouping and comparisons work once per distinct value instead of once per row.
 */
public final class StringVector extends ColumnVector {
  private final String[] values;
  private final String[] dictionary;
  private final int[] codes;

  private StringVector(String[] values, String[] dictionary, int[] codes, boolean[] nulls, int size) {
    super(DataTypes.StringType, size, normalizeNulls(nulls, size));
    this.values = values;
    this.dictionary = dictionary;
    this.codes = codes;
  }

  /** Plain strings; a null entry is a null value. */
  public static StringVector of(String[] values, int size) {
    boolean[] nulls = null;
    for (int i = 0; i < size; i++) {
      if (values[i] == null) {
        if (nulls == null) {
          nulls = new boolean[size];
        }
        nulls[i] = true;
      }
    }
    return new StringVector(values, null, null, nulls, size);
  }

  /** Dictionary-encoded strings: row i is {@code dictionary[codes[i]]}, or null where {@code nulls[i]}. */
  public static StringVector dictionary(String[] dictionary, int[] codes, boolean[] nulls, int size) {
    return new StringVector(null, dictionary, codes, nulls, size);
  }

  public boolean isDictionary() {
    return dictionary != null;
  }

  /** The distinct values of a dictionary-encoded vector. */
  public String[] dictionary() {
    return dictionary;
  }

  /** The codes of a dictionary-encoded vector. */
  public int[] codes() {
    return codes;
  }

  /** The string at {@code i}, or null. */
  public String getString(int i) {
    if (isNull(i)) {
      return null;
    }
    return dictionary != null ? dictionary[codes[i]] : values[i];
  }

  @Override
  public Object get(int i) {
    return getString(i);
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    boolean[] outNulls = gatherNulls(indices, n);
    if (dictionary != null) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        int j = indices[i];
        out[i] = j < 0 ? 0 : codes[j];
      }
      return new StringVector(null, dictionary, out, outNulls, n);
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      int j = indices[i];
      out[i] = j < 0 ? null : values[j];
    }
    return new StringVector(out, null, null, outNulls, n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    boolean[] n = sliceNulls(nulls, from, to);
    if (dictionary != null) {
      return new StringVector(null, dictionary, Arrays.copyOfRange(codes, from, to), n, to - from);
    }
    return new StringVector(Arrays.copyOfRange(values, from, to), null, null, n, to - from);
  }

  /** The same strings without a dictionary. */
  public StringVector decoded() {
    if (dictionary == null) {
      return this;
    }
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = isNull(i) ? null : dictionary[codes[i]];
    }
    return new StringVector(out, null, null, nulls, size);
  }
}
