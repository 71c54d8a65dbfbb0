package io.kindling.hadoop.parquet;

import io.kindling.engine.format.RowConsumer;
import java.util.Arrays;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The root converter of a scan: top-level primitive columns go unboxed into the {@link RowConsumer} column
 * {@code columns[i]}; nested ones are built and handed over whole; required columns the file lacks are null.
 */
final class RowConverter extends GroupConverter {
  private final RowConsumer out;
  private final Converter[] children;
  private final NestedConverters.Repeated[] repeated;
  private final int[] columns;
  private final int[] missing;
  private final boolean[] set;

  /**
   * @param requested the file's fields being read, in the order of the required schema
   * @param columns for each requested field, its consumer column
   * @param missing the consumer columns the file does not have
   */
  RowConverter(MessageType requested, int[] columns, int[] missing, RowConsumer out, Zones zones) {
    this.out = out;
    this.columns = columns;
    this.missing = missing;
    int n = requested.getFieldCount();
    this.children = new Converter[n];
    this.repeated = new NestedConverters.Repeated[n];
    this.set = new boolean[n];
    for (int i = 0; i < n; i++) {
      Type f = requested.getType(i);
      ValueTarget target = new ColumnTarget(i);
      if (f.isRepetition(Type.Repetition.REPEATED)) {
        repeated[i] = new NestedConverters.Repeated(f, target, zones);
        children[i] = repeated[i].converter();
      } else {
        children[i] = NestedConverters.of(f, target, zones);
      }
    }
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return children[fieldIndex];
  }

  @Override
  public void start() {
    Arrays.fill(set, false);
    for (NestedConverters.Repeated r : repeated) {
      if (r != null) {
        r.begin();
      }
    }
  }

  @Override
  public void end() {
    for (NestedConverters.Repeated r : repeated) {
      if (r != null) {
        r.finish();
      }
    }
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        out.setNull(columns[i]);
      }
    }
    for (int c : missing) {
      out.setNull(c);
    }
    out.endRow();
  }

  /** The materializer parquet-mr's record reader drives; the rows go to the consumer, not through it. */
  RecordMaterializer<Object> materializer() {
    RowConverter root = this;
    return new RecordMaterializer<>() {
      @Override
      public Object getCurrentRecord() {
        return Boolean.TRUE;
      }

      @Override
      public GroupConverter getRootConverter() {
        return root;
      }
    };
  }

  /** Writes one top-level column's value into the consumer and marks it set. */
  private final class ColumnTarget implements ValueTarget {
    private final int field;
    private final int column;

    ColumnTarget(int field) {
      this.field = field;
      this.column = columns[field];
    }

    @Override
    public void setBoolean(boolean v) {
      out.setBoolean(column, v);
      set[field] = true;
    }

    @Override
    public void setInt(int v) {
      out.setInt(column, v);
      set[field] = true;
    }

    @Override
    public void setByte(byte v) {
      out.setByte(column, v);
      set[field] = true;
    }

    @Override
    public void setShort(short v) {
      out.setShort(column, v);
      set[field] = true;
    }

    @Override
    public void setLong(long v) {
      out.setLong(column, v);
      set[field] = true;
    }

    @Override
    public void setFloat(float v) {
      out.setFloat(column, v);
      set[field] = true;
    }

    @Override
    public void setDouble(double v) {
      out.setDouble(column, v);
      set[field] = true;
    }

    @Override
    public void setDate(int epochDay) {
      out.setDate(column, epochDay);
      set[field] = true;
    }

    @Override
    public void setTimestamp(long localMicros) {
      out.setTimestamp(column, localMicros);
      set[field] = true;
    }

    @Override
    public void setString(byte[] utf8, int offset, int length) {
      out.setString(column, utf8, offset, length);
      set[field] = true;
    }

    @Override
    public void setBinary(byte[] value) {
      out.setObject(column, value);
      set[field] = true;
    }

    @Override
    public void setObject(Object value) {
      out.setObject(column, value);
      set[field] = true;
    }
  }
}
