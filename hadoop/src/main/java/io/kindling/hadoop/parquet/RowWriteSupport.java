package io.kindling.hadoop.parquet;

import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimes;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of plain Java values ({@code Object[]} in schema order; arrays as {@code java.util.List} or
 * {@code Object[]}, structs as {@code Object[]}) into Parquet records of {@link ParquetSchemas#toParquet}.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  private final StructType schema;
  private final MessageType parquetSchema;
  private final ParquetSchemas.TimestampEncoding timestamps;
  private final Zones zones;
  private RecordConsumer out;

  RowWriteSupport(StructType schema, ParquetOptions options) {
    this.schema = schema;
    this.timestamps = options.timestamps();
    this.parquetSchema = ParquetSchemas.toParquet(schema, timestamps);
    this.zones = new Zones(options.zone());
  }

  @Override
  public String getName() {
    return "kindling";
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(parquetSchema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    if (row.length != schema.size()) {
      throw new KindlingException("A row of " + row.length + " values can't be written with the schema "
          + schema.simpleString());
    }
    out.startMessage();
    writeFields(schema, row);
    out.endMessage();
  }

  private void writeFields(StructType struct, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      StructField f = struct.get(i);
      Object v = values[i];
      if (v == null) {
        if (!f.nullable()) {
          throw new KindlingException("Column `" + f.name() + "` is not nullable but a row has null in it");
        }
        continue;
      }
      out.startField(f.name(), i);
      writeValue(f.name(), f.dataType(), v);
      out.endField(f.name(), i);
    }
  }

  private void writeValue(String name, DataType t, Object v) {
    try {
      if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)) {
        out.addInteger(((Number) v).intValue());
      } else if (t.equals(DataTypes.LongType)) {
        out.addLong(((Number) v).longValue());
      } else if (t.equals(DataTypes.DoubleType)) {
        out.addDouble(((Number) v).doubleValue());
      } else if (t.equals(DataTypes.FloatType)) {
        out.addFloat(((Number) v).floatValue());
      } else if (t.equals(DataTypes.StringType)) {
        out.addBinary(Binary.fromString(((CharSequence) v).toString()));
      } else if (t.equals(DataTypes.BooleanType)) {
        out.addBoolean((Boolean) v);
      } else if (t.equals(DataTypes.DateType)) {
        out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
      } else if (t.equals(DataTypes.TimestampType)) {
        long instant = zones.localToInstant(DateTimes.toLocalMicros((LocalDateTime) v));
        switch (timestamps) {
          case INT96 -> out.addBinary(Int96.fromEpochMicros(instant));
          case TIMESTAMP_MICROS -> out.addLong(instant);
          case TIMESTAMP_MILLIS -> out.addLong(Math.floorDiv(instant, 1000));
        }
      } else if (t.equals(DataTypes.BinaryType)) {
        out.addBinary(Binary.fromReusedByteArray((byte[]) v));
      } else if (t instanceof ArrayType a) {
        writeArray(name, a, v instanceof Object[] arr ? Arrays.asList(arr) : (List<?>) v);
      } else if (t instanceof StructType s) {
        Object[] fields = v instanceof List<?> l ? l.toArray() : v instanceof Row r ? values(r) : (Object[]) v;
        if (fields.length != s.size()) {
          throw new KindlingException("A struct value of " + fields.length + " fields in column `" + name
              + "` of type " + s.simpleString());
        }
        out.startGroup();
        writeFields(s, fields);
        out.endGroup();
      } else {
        throw new KindlingException("Column `" + name + "` has the type " + t.sql()
            + ", which Kindling can't write to Parquet");
      }
    } catch (ClassCastException e) {
      throw new KindlingException("Column `" + name + "` of type " + t.sql() + " holds a "
          + v.getClass().getSimpleName() + " (" + v + ")", e);
    }
  }

  /** A DataFrame's struct value (a Row) as the values of its fields. */
  private static Object[] values(Row r) {
    Object[] out = new Object[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.get(i);
    }
    return out;
  }

  private void writeArray(String name, ArrayType a, List<?> values) {
    out.startGroup();
    if (!values.isEmpty()) {
      out.startField("list", 0);
      for (Object e : values) {
        out.startGroup();
        if (e != null) {
          out.startField("element", 0);
          writeValue(name, a.elementType(), e);
          out.endField("element", 0);
        } else if (!a.containsNull()) {
          throw new KindlingException("Column `" + name + "` holds arrays without nulls but an array has one");
        }
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
  }
}
