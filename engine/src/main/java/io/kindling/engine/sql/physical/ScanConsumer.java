package io.kindling.engine.sql.physical;

import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.ObjectVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.engine.sql.vector.Timestamps;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives parsed rows straight into primitive column arrays (no boxing) and seals a batch every
 * {@code batchRows} rows. Strings are dictionary-encoded from their bytes while a batch has few distinct
 * values, so repeated values (regions, segments) are decoded once.
 */
final class ScanConsumer implements RowConsumer {
  private static final int MAX_DICTIONARY = 256;

  private final DataType[] types;
  private final int batchRows;
  private final Consumer<ColumnBatch> sink;
  private Column[] columns;
  private int rows;

  ScanConsumer(List<DataType> types, int batchRows, Consumer<ColumnBatch> sink) {
    this.types = types.toArray(new DataType[0]);
    this.batchRows = batchRows;
    this.sink = sink;
    reset();
  }

  private void reset() {
    columns = new Column[types.length];
    for (int c = 0; c < types.length; c++) {
      columns[c] = new Column(types[c], batchRows);
    }
    rows = 0;
  }

  @Override
  public void setNull(int column) {
    Column c = columns[column];
    c.nulls[rows] = true;
    c.anyNull = true;
  }

  @Override
  public void setObject(int column, Object value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    switch (c.kind) {
      case INT -> c.ints[rows] = value instanceof LocalDate d ? (int) d.toEpochDay() : ((Number) value).intValue();
      case LONG -> c.longs[rows] = value instanceof LocalDateTime t ? Timestamps.toMicros(t)
          : ((Number) value).longValue();
      case DOUBLE -> c.doubles[rows] = ((Number) value).doubleValue();
      case FLOAT -> c.floats[rows] = ((Number) value).floatValue();
      case BOOLEAN -> c.booleans[rows] = (Boolean) value;
      case STRING -> c.setString(rows, (String) value);
      default -> c.objects[rows] = value;
    }
  }

  @Override
  public void setInt(int column, int value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.ints[rows] = value;
  }

  @Override
  public void setShort(int column, short value) {
    setInt(column, value);
  }

  @Override
  public void setByte(int column, byte value) {
    setInt(column, value);
  }

  @Override
  public void setDate(int column, int epochDay) {
    setInt(column, epochDay);
  }

  @Override
  public void setLong(int column, long value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.longs[rows] = value;
  }

  @Override
  public void setTimestamp(int column, long localMicros) {
    setLong(column, localMicros);
  }

  @Override
  public void setDouble(int column, double value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.doubles[rows] = value;
  }

  @Override
  public void setFloat(int column, float value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.floats[rows] = value;
  }

  @Override
  public void setBoolean(int column, boolean value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.booleans[rows] = value;
  }

  @Override
  public void setString(int column, String value) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.setString(rows, value);
  }

  @Override
  public void setString(int column, byte[] utf8, int offset, int length) {
    Column c = columns[column];
    c.nulls[rows] = false;
    c.setString(rows, utf8, offset, length);
  }

  @Override
  public void endRow() {
    rows++;
    if (rows == batchRows) {
      flush();
    }
  }

  @Override
  public void discardRow() {
    for (Column c : columns) {
      c.nulls[rows] = false;
    }
  }

  /** Seals the rows received so far as a batch (nothing if none). */
  void flush() {
    if (rows == 0) {
      return;
    }
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      vectors[c] = columns[c].build(rows);
    }
    ColumnBatch batch = new ColumnBatch(vectors, rows);
    reset();
    sink.accept(batch);
  }

  private enum Kind { INT, LONG, DOUBLE, FLOAT, BOOLEAN, STRING, OBJECT }

  /** One column's arrays for the batch being filled. */
  private static final class Column {
    final DataType type;
    final Kind kind;
    final boolean[] nulls;
    boolean anyNull;
    int[] ints;
    long[] longs;
    double[] doubles;
    float[] floats;
    boolean[] booleans;
    Object[] objects;
    // Strings: codes into a dictionary of distinct byte sequences, or plain strings once there are too many.
    int[] codes;
    String[] plain;
    List<String> dictionary;
    byte[][] dictBytes;
    int[] dictHashes;
    int[] slots;

    Column(DataType type, int capacity) {
      this.type = type;
      this.nulls = new boolean[capacity];
      if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.DateType) || type.equals(DataTypes.ShortType)
          || type.equals(DataTypes.ByteType)) {
        kind = Kind.INT;
        ints = new int[capacity];
      } else if (type.equals(DataTypes.LongType) || type.equals(DataTypes.TimestampType)) {
        kind = Kind.LONG;
        longs = new long[capacity];
      } else if (type.equals(DataTypes.DoubleType)) {
        kind = Kind.DOUBLE;
        doubles = new double[capacity];
      } else if (type.equals(DataTypes.FloatType)) {
        kind = Kind.FLOAT;
        floats = new float[capacity];
      } else if (type.equals(DataTypes.BooleanType)) {
        kind = Kind.BOOLEAN;
        booleans = new boolean[capacity];
      } else if (type.equals(DataTypes.StringType)) {
        kind = Kind.STRING;
        codes = new int[capacity];
        dictionary = new ArrayList<>();
        dictBytes = new byte[64][];
        dictHashes = new int[64];
        slots = new int[512];
      } else {
        kind = Kind.OBJECT;
        objects = new Object[capacity];
      }
    }

    void setString(int row, String s) {
      if (plain == null) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        setString(row, b, 0, b.length);
        return;
      }
      plain[row] = s;
    }

    void setString(int row, byte[] b, int off, int len) {
      if (plain != null) {
        plain[row] = new String(b, off, len, StandardCharsets.UTF_8);
        return;
      }
      int h = 1;
      for (int i = off; i < off + len; i++) {
        h = 31 * h + b[i];
      }
      int mask = slots.length - 1;
      int pos = (h ^ (h >>> 16)) & mask;
      while (true) {
        int slot = slots[pos];
        if (slot == 0) {
          int code = dictionary.size();
          if (code >= MAX_DICTIONARY) {
            toPlain(row);
            plain[row] = new String(b, off, len, StandardCharsets.UTF_8);
            return;
          }
          if (code == dictBytes.length) {
            dictBytes = Arrays.copyOf(dictBytes, code * 2);
            dictHashes = Arrays.copyOf(dictHashes, code * 2);
          }
          dictBytes[code] = Arrays.copyOfRange(b, off, off + len);
          dictHashes[code] = h;
          dictionary.add(new String(b, off, len, StandardCharsets.UTF_8));
          slots[pos] = code + 1;
          codes[row] = code;
          return;
        }
        int code = slot - 1;
        if (dictHashes[code] == h && Arrays.equals(dictBytes[code], 0, dictBytes[code].length, b, off, off + len)) {
          codes[row] = code;
          return;
        }
        pos = (pos + 1) & mask;
      }
    }

    private void toPlain(int upTo) {
      plain = new String[nulls.length];
      for (int i = 0; i < upTo; i++) {
        plain[i] = nulls[i] ? null : dictionary.get(codes[i]);
      }
      codes = null;
    }

    ColumnVector build(int n) {
      boolean[] mask = anyNull ? Arrays.copyOf(nulls, n) : null;
      return switch (kind) {
        case INT -> new IntVector(type, ints, mask, n);
        case LONG -> new LongVector(type, longs, mask, n);
        case DOUBLE -> new DoubleVector(doubles, mask, n);
        case FLOAT -> new FloatVector(floats, mask, n);
        case BOOLEAN -> new BooleanVector(booleans, mask, n);
        case STRING -> {
          if (plain != null) {
            for (int i = 0; i < n; i++) {
              if (mask != null && mask[i]) {
                plain[i] = null;
              }
            }
            yield StringVector.of(plain, n);
          }
          yield StringVector.dictionary(dictionary.toArray(new String[0]), codes, mask, n);
        }
        case OBJECT -> {
          Object[] values = Arrays.copyOf(objects, n);
          if (mask != null) {
            for (int i = 0; i < n; i++) {
              if (mask[i]) {
                values[i] = null;
              }
            }
          }
          yield new ObjectVector(type, values, n);
        }
      };
    }
  }
}
