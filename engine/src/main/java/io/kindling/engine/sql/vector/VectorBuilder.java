package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds one vector value by value, growing as needed. Strings are dictionary-encoded while they have few
 * distinct values.
 */
public abstract class VectorBuilder {
  protected final DataType type;
  protected int size;
  protected boolean[] nulls;
  protected boolean anyNull;

  protected VectorBuilder(DataType type, int capacity) {
    this.type = type;
    this.nulls = new boolean[Math.max(capacity, 16)];
  }

  /** A builder for values of {@code type}. */
  public static VectorBuilder forType(DataType type, int capacity) {
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.DateType) || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.ByteType)) {
      return new Ints(type, capacity);
    }
    if (type.equals(DataTypes.LongType) || type.equals(DataTypes.TimestampType)) {
      return new Longs(type, capacity);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return new Doubles(capacity);
    }
    if (type.equals(DataTypes.FloatType)) {
      return new Floats(capacity);
    }
    if (type.equals(DataTypes.BooleanType)) {
      return new Booleans(capacity);
    }
    if (type.equals(DataTypes.StringType)) {
      return new Strings(capacity);
    }
    return new Objects(type, capacity);
  }

  public int size() {
    return size;
  }

  public final void appendNull() {
    ensure(size + 1);
    nulls[size] = true;
    anyNull = true;
    appendDefault();
  }

  /** Appends a value given as the Java object rows hold (null for SQL NULL). */
  public abstract void append(Object value);

  /** Appends row {@code i} of {@code v} (a vector of this builder's type). */
  public abstract void appendFrom(ColumnVector v, int i);

  protected abstract void appendDefault();

  protected abstract void grow(int capacity);

  protected final void ensure(int needed) {
    if (needed > nulls.length) {
      int cap = Math.max(needed, nulls.length * 2);
      nulls = Arrays.copyOf(nulls, cap);
      grow(cap);
    }
  }

  protected final boolean[] builtNulls() {
    return anyNull ? Arrays.copyOf(nulls, size) : null;
  }

  public abstract ColumnVector build();

  /** int, short, byte and date values. */
  public static final class Ints extends VectorBuilder {
    private int[] values;

    Ints(DataType type, int capacity) {
      super(type, capacity);
      values = new int[nulls.length];
    }

    public void appendInt(int v) {
      ensure(size + 1);
      values[size++] = v;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else if (value instanceof LocalDate d) {
        appendInt((int) d.toEpochDay());
      } else {
        appendInt(((Number) value).intValue());
      }
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      if (v.isNull(i)) {
        appendNull();
      } else {
        appendInt(((IntVector) v).getInt(i));
      }
    }

    @Override
    protected void appendDefault() {
      values[size++] = 0;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new IntVector(type, values, builtNulls(), size);
    }
  }

  /** long and timestamp values. */
  public static final class Longs extends VectorBuilder {
    private long[] values;

    Longs(DataType type, int capacity) {
      super(type, capacity);
      values = new long[nulls.length];
    }

    public void appendLong(long v) {
      ensure(size + 1);
      values[size++] = v;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else if (value instanceof LocalDateTime t) {
        appendLong(Timestamps.toMicros(t));
      } else {
        appendLong(((Number) value).longValue());
      }
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      if (v.isNull(i)) {
        appendNull();
      } else {
        appendLong(((LongVector) v).getLong(i));
      }
    }

    @Override
    protected void appendDefault() {
      values[size++] = 0;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new LongVector(type, values, builtNulls(), size);
    }
  }

  /** double values. */
  public static final class Doubles extends VectorBuilder {
    private double[] values;

    Doubles(int capacity) {
      super(DataTypes.DoubleType, capacity);
      values = new double[nulls.length];
    }

    public void appendDouble(double v) {
      ensure(size + 1);
      values[size++] = v;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendDouble(((Number) value).doubleValue());
      }
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      if (v.isNull(i)) {
        appendNull();
      } else {
        appendDouble(((DoubleVector) v).getDouble(i));
      }
    }

    @Override
    protected void appendDefault() {
      values[size++] = 0;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new DoubleVector(values, builtNulls(), size);
    }
  }

  /** float values. */
  public static final class Floats extends VectorBuilder {
    private float[] values;

    Floats(int capacity) {
      super(DataTypes.FloatType, capacity);
      values = new float[nulls.length];
    }

    public void appendFloat(float v) {
      ensure(size + 1);
      values[size++] = v;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendFloat(((Number) value).floatValue());
      }
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      if (v.isNull(i)) {
        appendNull();
      } else {
        appendFloat(((FloatVector) v).getFloat(i));
      }
    }

    @Override
    protected void appendDefault() {
      values[size++] = 0;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new FloatVector(values, builtNulls(), size);
    }
  }

  /** boolean values. */
  public static final class Booleans extends VectorBuilder {
    private boolean[] values;

    Booleans(int capacity) {
      super(DataTypes.BooleanType, capacity);
      values = new boolean[nulls.length];
    }

    public void appendBoolean(boolean v) {
      ensure(size + 1);
      values[size++] = v;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendBoolean((Boolean) value);
      }
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      if (v.isNull(i)) {
        appendNull();
      } else {
        appendBoolean(((BooleanVector) v).getBoolean(i));
      }
    }

    @Override
    protected void appendDefault() {
      values[size++] = false;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new BooleanVector(values, builtNulls(), size);
    }
  }

  /** Strings, dictionary-encoded until there are more than {@value #MAX_DICTIONARY} distinct ones. */
  public static final class Strings extends VectorBuilder {
    static final int MAX_DICTIONARY = 256;

    private int[] codes;
    private Map<String, Integer> dictionary = new HashMap<>();
    private String[] dictValues = new String[16];
    private String[] plain;

    Strings(int capacity) {
      super(DataTypes.StringType, capacity);
      codes = new int[nulls.length];
    }

    public void appendString(String s) {
      if (s == null) {
        appendNull();
        return;
      }
      ensure(size + 1);
      if (plain != null) {
        plain[size++] = s;
        return;
      }
      Integer code = dictionary.get(s);
      if (code == null) {
        if (dictionary.size() >= MAX_DICTIONARY) {
          switchToPlain();
          plain[size++] = s;
          return;
        }
        code = dictionary.size();
        dictionary.put(s, code);
        if (code >= dictValues.length) {
          dictValues = Arrays.copyOf(dictValues, dictValues.length * 2);
        }
        dictValues[code] = s;
      }
      codes[size++] = code;
    }

    private void switchToPlain() {
      plain = new String[codes.length];
      for (int i = 0; i < size; i++) {
        plain[i] = nulls[i] ? null : dictValues[codes[i]];
      }
      codes = null;
      dictionary = null;
    }

    @Override
    public void append(Object value) {
      appendString((String) value);
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      appendString(((StringVector) v).getString(i));
    }

    @Override
    protected void appendDefault() {
      if (plain != null) {
        plain[size++] = null;
      } else {
        codes[size++] = 0;
      }
    }

    @Override
    protected void grow(int capacity) {
      if (plain != null) {
        plain = Arrays.copyOf(plain, capacity);
      } else {
        codes = Arrays.copyOf(codes, capacity);
      }
    }

    @Override
    public ColumnVector build() {
      if (plain != null) {
        return StringVector.of(Arrays.copyOf(plain, size), size);
      }
      return StringVector.dictionary(Arrays.copyOf(dictValues, dictionary.size()), Arrays.copyOf(codes, size),
          builtNulls(), size);
    }
  }

  /** Any other values, as objects. */
  public static final class Objects extends VectorBuilder {
    private Object[] values;

    Objects(DataType type, int capacity) {
      super(type, capacity);
      values = new Object[nulls.length];
    }

    @Override
    public void append(Object value) {
      ensure(size + 1);
      if (value == null) {
        nulls[size] = true;
        anyNull = true;
      }
      values[size++] = value;
    }

    @Override
    public void appendFrom(ColumnVector v, int i) {
      append(v.get(i));
    }

    @Override
    protected void appendDefault() {
      values[size++] = null;
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public ColumnVector build() {
      return new ObjectVector(type, Arrays.copyOf(values, size), size);
    }
  }
}
