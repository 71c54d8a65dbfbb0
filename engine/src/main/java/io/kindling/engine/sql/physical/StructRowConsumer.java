package io.kindling.engine.sql.physical;

import io.kindling.engine.format.RowConsumer;
import io.kindling.sql.Row;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a reader's values on, turning struct values (the {@code Object[]} of {@link RowConsumer}'s contract) into
 * the {@link Row}s that DataFrame rows hold, at any depth inside arrays and structs. Everything else goes through
 * unboxed.
 */
final class StructRowConsumer implements RowConsumer {
  private final RowConsumer out;
  private final DataType[] types;

  private StructRowConsumer(RowConsumer out, DataType[] types) {
    this.out = out;
    this.types = types;
  }

  /** {@code out} itself when no column holds a struct, else a converting wrapper. */
  static RowConsumer wrap(RowConsumer out, List<DataType> columnTypes) {
    boolean any = columnTypes.stream().anyMatch(StructRowConsumer::holdsStruct);
    return any ? new StructRowConsumer(out, columnTypes.toArray(new DataType[0])) : out;
  }

  private static boolean holdsStruct(DataType t) {
    return t instanceof StructType || t instanceof ArrayType a && holdsStruct(a.elementType());
  }

  static Object toRows(Object v, DataType t) {
    if (v == null) {
      return null;
    }
    if (t instanceof StructType s) {
      Object[] fields;
      if (v instanceof Row r) {
        fields = new Object[r.size()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = r.get(i);
        }
      } else if (v instanceof List<?> l) {
        fields = l.toArray();
      } else {
        fields = ((Object[]) v).clone();
      }
      for (int i = 0; i < fields.length && i < s.size(); i++) {
        fields[i] = toRows(fields[i], s.get(i).dataType());
      }
      return Row.wrap(fields, s);
    }
    if (t instanceof ArrayType a && holdsStruct(a.elementType())) {
      List<?> in = v instanceof Object[] arr ? java.util.Arrays.asList(arr) : (List<?>) v;
      List<Object> converted = new ArrayList<>(in.size());
      for (Object e : in) {
        converted.add(toRows(e, a.elementType()));
      }
      return converted;
    }
    return v;
  }

  @Override
  public void setNull(int column) {
    out.setNull(column);
  }

  @Override
  public void setObject(int column, Object value) {
    out.setObject(column, toRows(value, types[column]));
  }

  @Override
  public void endRow() {
    out.endRow();
  }

  @Override
  public void discardRow() {
    out.discardRow();
  }

  @Override
  public void setInt(int column, int value) {
    out.setInt(column, value);
  }

  @Override
  public void setLong(int column, long value) {
    out.setLong(column, value);
  }

  @Override
  public void setDouble(int column, double value) {
    out.setDouble(column, value);
  }

  @Override
  public void setFloat(int column, float value) {
    out.setFloat(column, value);
  }

  @Override
  public void setShort(int column, short value) {
    out.setShort(column, value);
  }

  @Override
  public void setByte(int column, byte value) {
    out.setByte(column, value);
  }

  @Override
  public void setBoolean(int column, boolean value) {
    out.setBoolean(column, value);
  }

  @Override
  public void setDate(int column, int epochDay) {
    out.setDate(column, epochDay);
  }

  @Override
  public void setTimestamp(int column, long localMicros) {
    out.setTimestamp(column, localMicros);
  }

  @Override
  public void setString(int column, String value) {
    out.setString(column, value);
  }

  @Override
  public void setString(int column, byte[] utf8, int offset, int length) {
    out.setString(column, utf8, offset, length);
  }
}
