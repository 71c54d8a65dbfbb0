package io.kindling.engine.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.DateTimes;
import io.kindling.engine.format.MalformedRecordException;
import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.InputPaths;
import io.kindling.engine.source.LineReader;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines into a {@link RowConsumer} as Spark 3.5 does: one JSON object a line (a line holding an array
 * of objects gives one row per object; a blank line gives none), fields matched by exact name, unknown fields
 * ignored, values converted by the schema's type (Spark's rules: integers only from JSON integers, doubles from
 * numbers or "NaN"/"Infinity" strings, any value into a string column as its JSON text, dates and timestamps from
 * strings (or, without dateFormat, an int string as days since the epoch), timestamps also from epoch seconds). A
 * record is malformed when it is not valid JSON (all fields null) or a value does not convert (that field null, the
 * others kept; a failing array element nulls its whole array, a failing struct field only itself); the parse mode
 * decides, as for CSV.
 * Structs are {@code Object[]} in schema order, arrays {@code java.util.List}. Not thread-safe.
 */
public final class JsonReader {
  private final JsonOptions options;
  private final JsonFactory factory;
  private final StructType required;
  private final Map<String, Integer> columns = new HashMap<>();
  private final int corruptIndex;
  private final DateTimeCodec dates;
  private final boolean[] seen;
  private boolean bad;
  /** A value failed inside the array being converted: the array is then null; a struct absorbs its fields'. */
  private boolean failedInside;
  private String failure;

  /**
   * @param dataSchema the file's columns (may include the corrupt-record column)
   * @param requiredSchema the columns to produce, each in {@code dataSchema}; consumer column {@code i} is field
   *     {@code i} of it
   */
  public JsonReader(JsonOptions options, StructType dataSchema, StructType requiredSchema) {
    this.options = options;
    this.factory = options.factory();
    this.required = requiredSchema;
    this.dates = options.dateTimes;
    int corrupt = -1;
    for (int i = 0; i < requiredSchema.size(); i++) {
      StructField f = requiredSchema.get(i);
      if (dataSchema.indexOf(f.name()) < 0) {
        throw new KindlingException("Required column '" + f.name() + "' is not in the JSON data schema "
            + dataSchema.simpleString());
      }
      if (f.name().equals(options.columnNameOfCorruptRecord)) {
        if (!f.dataType().equals(DataTypes.StringType) || !f.nullable()) {
          throw new KindlingException("The field for corrupt records must be string type and nullable.");
        }
        corrupt = i;
      } else {
        checkSupported(f.name(), f.dataType());
        columns.put(f.name(), i);
      }
    }
    this.corruptIndex = corrupt;
    this.seen = new boolean[requiredSchema.size()];
  }

  private static void checkSupported(String name, DataType t) {
    if (t instanceof ArrayType a) {
      checkSupported(name, a.elementType());
    } else if (t instanceof StructType s) {
      s.forEach(f -> checkSupported(name, f.dataType()));
    } else if (t.equals(DataTypes.BinaryType) || t.equals(DataTypes.NullType)) {
      throw new KindlingException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The JSON datasource doesn't support "
          + "the column `" + name + "` of the type \"" + t.sql() + "\".");
    }
  }

  /** Reads a split (the whole file when compressed); returns the number of rows kept. */
  public long read(FileSplit split, RowConsumer out) {
    try (LineReader lines = LineReader.open(split, options.lineSeparatorInRead)) {
      return read(lines, split.start() == 0 || split.compressed(), InputPaths.uri(split.path()), out);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + split.path(), e);
    }
  }

  public long read(LineReader lines, boolean startOfFile, String fileName, RowConsumer out) {
    long rows = 0;
    while (lines.next()) {
      byte[] b = lines.buffer();
      int s = lines.start();
      int n = lines.length();
      try (JsonParser p = factory.createParser(b, s, n)) {
        JsonToken root;
        try {
          root = p.nextToken();
        } catch (JsonProcessingException e) {
          root = null;
          rows += malformed(out, b, s, n, "not valid JSON: " + e.getOriginalMessage(), lines, startOfFile, fileName);
          continue;
        }
        if (root == null) {
          continue;
        }
        try {
          if (root == JsonToken.START_OBJECT) {
            rows += record(p, out, b, s, n, lines, startOfFile, fileName);
          } else if (root == JsonToken.START_ARRAY && peekObjects(b, s, n)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              rows += record(p, out, b, s, n, lines, startOfFile, fileName);
            }
          } else {
            rows += malformed(out, b, s, n, "a record must be a JSON object, found " + root, lines, startOfFile,
                fileName);
          }
        } catch (JsonProcessingException e) {
          rows += malformed(out, b, s, n, "not valid JSON: " + e.getOriginalMessage(), lines, startOfFile, fileName);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /** Whether a line's top-level array holds only objects (else the line is a corrupt record, as in Spark). */
  private boolean peekObjects(byte[] b, int s, int n) throws IOException {
    try (JsonParser p = factory.createParser(b, s, n)) {
      p.nextToken();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          return false;
        }
        p.skipChildren();
      }
      return true;
    } catch (JsonProcessingException e) {
      return true;
    }
  }

  /** One object (the parser is on its START_OBJECT): sets its columns and ends, drops or fails the row. */
  private int record(JsonParser p, RowConsumer out, byte[] b, int s, int n, LineReader lines, boolean startOfFile,
      String fileName) throws IOException {
    bad = false;
    Arrays.fill(seen, false);
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      Integer c = columns.get(p.currentName());
      JsonToken value = p.nextToken();
      if (c == null) {
        p.skipChildren();
        continue;
      }
      seen[c] = true;
      setTop(c, required.get(c), value, p, out);
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected " + t);
    }
    for (int c = 0; c < seen.length; c++) {
      if (!seen[c]) {
        out.setNull(c);
      }
    }
    if (!bad) {
      if (corruptIndex >= 0) {
        out.setNull(corruptIndex);
      }
      out.endRow();
      return 1;
    }
    return finishBad(out, b, s, n, lines, startOfFile, fileName);
  }

  private int malformed(RowConsumer out, byte[] b, int s, int n, String why, LineReader lines, boolean startOfFile,
      String fileName) {
    for (int c = 0; c < seen.length; c++) {
      out.setNull(c);
    }
    failure = why;
    return finishBad(out, b, s, n, lines, startOfFile, fileName);
  }

  private int finishBad(RowConsumer out, byte[] b, int s, int n, LineReader lines, boolean startOfFile,
      String fileName) {
    String record = new String(b, s, n, StandardCharsets.UTF_8);
    switch (options.mode) {
      case PERMISSIVE -> {
        if (corruptIndex >= 0) {
          out.setString(corruptIndex, record);
        }
        out.endRow();
        return 1;
      }
      case DROPMALFORMED -> {
        out.discardRow();
        return 0;
      }
      default -> {
        String where = startOfFile ? "line " + lines.lineNumber() : "byte offset " + lines.linePosition();
        throw MalformedRecordException.failFast(record, fileName, where, failure, null);
      }
    }
  }

  /**
   * Days since the epoch of a date string. Without {@code dateFormat}, Spark's last fallback for JSON (not CSV)
   * reads an int ({@code "5"}, {@code "-1"}) as days since the epoch, as Spark 1.5 wrote dates.
   */
  private long parseDate(String text) {
    long days = dates.parseDate(text);
    if (days == DateTimes.FAIL && !dates.hasDatePattern()) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        return DateTimes.FAIL;
      }
    }
    return days;
  }

  /** A top-level value straight into the consumer, unboxed where the type allows. */
  private void setTop(int c, StructField f, JsonToken t, JsonParser p, RowConsumer out) throws IOException {
    DataType type = f.dataType();
    if (t == JsonToken.VALUE_NULL) {
      out.setNull(c);
      return;
    }
    if (type.equals(DataTypes.LongType) && t == JsonToken.VALUE_NUMBER_INT) {
      try {
        out.setLong(c, p.getLongValue());
      } catch (JsonProcessingException e) {
        fail(f.name(), type, p);
        out.setNull(c);
      }
      return;
    }
    if (type.equals(DataTypes.DoubleType) && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
      out.setDouble(c, p.getDoubleValue());
      return;
    }
    if (type.equals(DataTypes.StringType) && t == JsonToken.VALUE_STRING) {
      out.setString(c, p.getText());
      return;
    }
    Object v = convert(f.name(), type, t, p);
    if (v == null) {
      out.setNull(c);
    } else {
      out.setObject(c, v);
    }
  }

  /** A value of {@code type}, boxed; null for JSON null or (marking the record bad) a value that does not fit. */
  private Object convert(String name, DataType type, JsonToken t, JsonParser p) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type.equals(DataTypes.StringType)) {
      if (t == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      StringWriter w = new StringWriter();
      try (JsonGenerator g = factory.createGenerator(w)) {
        g.copyCurrentStructure(p);
      }
      return w.toString();
    }
    if (type instanceof StructType st) {
      if (t != JsonToken.START_OBJECT) {
        return fail(name, type, p);
      }
      boolean outer = failedInside;
      Object[] values = new Object[st.size()];
      JsonToken k;
      while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
        int i = st.indexOf(p.currentName());
        JsonToken v = p.nextToken();
        if (i < 0) {
          p.skipChildren();
        } else {
          values[i] = convert(st.get(i).name(), st.get(i).dataType(), v, p);
        }
      }
      failedInside = outer;
      return values;
    }
    if (type instanceof ArrayType at) {
      if (t != JsonToken.START_ARRAY) {
        return fail(name, type, p);
      }
      // As in Spark, an element that does not convert makes the whole array null (the record malformed); a
      // struct element absorbs its own fields' failures.
      boolean outer = failedInside;
      failedInside = false;
      List<Object> values = new ArrayList<>();
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        values.add(convert(name, at.elementType(), e, p));
      }
      boolean failed = failedInside;
      failedInside = outer || failed;
      return failed ? null : values;
    }
    try {
      if (type.equals(DataTypes.IntegerType) && t == JsonToken.VALUE_NUMBER_INT) {
        return p.getIntValue();
      }
      if (type.equals(DataTypes.LongType) && t == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      if (type.equals(DataTypes.ShortType) && t == JsonToken.VALUE_NUMBER_INT) {
        return p.getShortValue();
      }
      if (type.equals(DataTypes.ByteType) && t == JsonToken.VALUE_NUMBER_INT) {
        return p.getByteValue();
      }
    } catch (JsonProcessingException e) {
      return fail(name, type, p);
    }
    boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    if (type.equals(DataTypes.DoubleType)) {
      if (number) {
        return p.getDoubleValue();
      }
      Double special = t == JsonToken.VALUE_STRING ? special(p.getText()) : null;
      return special != null ? special : fail(name, type, p);
    }
    if (type.equals(DataTypes.FloatType)) {
      if (number) {
        return p.getFloatValue();
      }
      Double special = t == JsonToken.VALUE_STRING ? special(p.getText()) : null;
      return special != null ? (Object) special.floatValue() : fail(name, type, p);
    }
    if (type.equals(DataTypes.BooleanType)) {
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      return fail(name, type, p);
    }
    if (type.equals(DataTypes.DateType) && t == JsonToken.VALUE_STRING) {
      long d = parseDate(p.getText());
      return d == DateTimes.FAIL ? fail(name, type, p) : java.time.LocalDate.ofEpochDay(d);
    }
    if (type.equals(DataTypes.TimestampType)) {
      if (t == JsonToken.VALUE_STRING) {
        long m = dates.parseTimestamp(p.getText());
        return m == DateTimes.FAIL ? fail(name, type, p) : DateTimes.toLocalDateTime(m);
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return DateTimes.toLocalDateTime(DateTimes.toLocalMicros(Instant.ofEpochSecond(p.getLongValue()),
            dates.sessionZone()));
      }
    }
    return fail(name, type, p);
  }

  private Double special(String s) {
    if (!options.allowNonNumericNumbers) {
      return null;
    }
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+INF", "+Infinity", "Infinity" -> Double.POSITIVE_INFINITY;
      case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  private Object fail(String name, DataType type, JsonParser p) throws IOException {
    bad = true;
    failedInside = true;
    failure = "[CANNOT_PARSE_JSON_FIELD] Cannot parse the field name '" + name + "' and the value "
        + p.getText() + " of the JSON token type " + p.currentToken() + " to target Spark data type \""
        + type.sql() + "\".";
    p.skipChildren();
    return null;
  }
}
