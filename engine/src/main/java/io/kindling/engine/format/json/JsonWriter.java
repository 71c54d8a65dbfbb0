package io.kindling.engine.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes rows as JSON lines the way Spark 3.5 does: fields in schema order, null fields left out (unless
 * {@code ignoreNullFields=false}, also inside structs), NaN and infinities as strings, dates and timestamps as
 * strings in {@code dateFormat}/{@code timestampFormat}, arrays as arrays (nulls kept), structs as objects;
 * with {@code pretty}, indented by Jackson's default pretty printer, as Spark's.
 */
public final class JsonWriter implements RecordWriter {
  private final JsonGenerator g;
  private final StructType schema;
  private final JsonOptions options;
  private final DateTimeCodec dates;

  public JsonWriter(OutputStream out, StructType schema, JsonOptions options) throws IOException {
    this.schema = schema;
    this.options = options;
    this.dates = options.dateTimes;
    for (StructField f : schema) {
      check(f.name(), f.dataType());
    }
    this.g = options.factory().createGenerator(out);
    if (options.pretty) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withRootSeparator((String) null));
    } else {
      g.setRootValueSeparator(null);
    }
  }

  public static RecordWriter.Factory factory(JsonOptions options) {
    return (stream, schema) -> new JsonWriter(stream, schema, options);
  }

  private static void check(String name, DataType t) {
    if (t instanceof ArrayType a) {
      check(name, a.elementType());
    } else if (t instanceof StructType s) {
      s.forEach(f -> check(name, f.dataType()));
    } else if (t.equals(DataTypes.BinaryType) || t.equals(DataTypes.NullType)) {
      throw new KindlingException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The JSON datasource doesn't support the "
          + "column `" + name + "` of the type \"" + t.sql() + "\".");
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    writeStruct(schema, row);
    g.writeRaw(options.lineSeparatorInWrite);
  }

  private void writeStruct(StructType st, Object[] values) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < st.size(); i++) {
      Object v = values[i];
      if (v == null && options.ignoreNullFields) {
        continue;
      }
      g.writeFieldName(st.get(i).name());
      writeValue(st.get(i).dataType(), v);
    }
    g.writeEndObject();
  }

  private void writeValue(DataType t, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof Short s) {
      g.writeNumber(s);
    } else if (v instanceof Byte b) {
      g.writeNumber(b);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof LocalDate d) {
      g.writeString(dates.formatDate(d));
    } else if (v instanceof LocalDateTime ts) {
      g.writeString(dates.formatTimestamp(ts));
    } else if (v instanceof List<?> list && t instanceof ArrayType at) {
      g.writeStartArray();
      for (Object e : list) {
        writeValue(at.elementType(), e);
      }
      g.writeEndArray();
    } else if (v instanceof Object[] values && t instanceof StructType st) {
      writeStruct(st, values);
    } else {
      throw new KindlingException("Cannot write a " + v.getClass().getName() + " as JSON " + t.simpleString());
    }
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
