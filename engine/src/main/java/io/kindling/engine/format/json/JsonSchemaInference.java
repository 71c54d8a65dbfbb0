package io.kindling.engine.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimes;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.engine.source.LineReader;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Spark 3.5's JSON schema inference: integers are longs (decimals when too big), other numbers doubles, strings
 * strings (timestamps with {@code inferTimestamp}), objects structs with fields sorted by name, arrays of the
 * merged element type; conflicting types widen (long with double is double, anything else with a different type
 * is string); a field that is only ever null is a string (dropped with {@code dropFieldIfAllNull}), and empty
 * structs are dropped. A line that is not a JSON object (or array of objects) adds the corrupt-record column in
 * PERMISSIVE mode, is skipped in DROPMALFORMED and fails FAILFAST. Decimals become doubles (no DecimalType yet).
 */
public final class JsonSchemaInference {
  private final JsonOptions options;
  private final JsonFactory factory;

  public JsonSchemaInference(JsonOptions options) {
    this.options = options;
    this.factory = options.factory();
  }

  /** The schema of {@code files}, reading at most {@code maxBytes} of them, in order. */
  public static StructType infer(List<Path> files, JsonOptions options, long maxBytes) {
    JsonSchemaInference inference = new JsonSchemaInference(options);
    JType root = JType.NULL;
    long budget = maxBytes;
    for (FileSplit split : FileSplitter.split(files, 1, Long.MAX_VALUE)) {
      if (budget <= 0) {
        break;
      }
      root = JType.merge(root, inference.inferSplit(split, budget));
      budget -= split.length();
    }
    return inference.toSchema(root);
  }

  /** The merged type of the records of one split (an opaque value for {@link JType#merge} and {@link #toSchema}). */
  public JType inferSplit(FileSplit split, long maxBytes) {
    JType root = JType.NULL;
    long stopAt = split.compressed() || maxBytes > Long.MAX_VALUE - split.start() ? Long.MAX_VALUE
        : split.start() + Math.max(0, maxBytes);
    SplittableRandom random = options.samplingRatio < 1 ? new SplittableRandom(1L ^ split.start()) : null;
    try (LineReader lines = LineReader.open(split, options.lineSeparatorInRead)) {
      while (lines.next()) {
        if (lines.linePosition() >= stopAt) {
          break;
        }
        // With samplingRatio < 1 the first record of a split is always in the sample, so a sample is never empty.
        if (random != null && !root.equals(JType.NULL) && random.nextDouble() >= options.samplingRatio) {
          continue;
        }
        JType t = record(lines.buffer(), lines.start(), lines.length());
        if (t != null) {
          root = JType.merge(root, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + split.path(), e);
    }
    return root;
  }

  /** The struct type of one line; null for a blank line or a dropped malformed one. */
  private JType record(byte[] b, int s, int n) throws IOException {
    try (JsonParser p = factory.createParser(b, s, n)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      JType type = infer(p, t);
      if (type instanceof JType.Struct) {
        return type;
      }
      if (type instanceof JType.Array a && a.element() instanceof JType.Struct) {
        return a.element();
      }
      // As in Spark, a top-level null, [] or [null] adds no field (reading it then gives a malformed record).
      if (type == JType.NULL || type instanceof JType.Array a && a.element() == JType.NULL) {
        return null;
      }
      return corrupt(null);
    } catch (JsonProcessingException e) {
      return corrupt(e);
    }
  }

  private JType corrupt(Exception cause) {
    return switch (options.mode) {
      case PERMISSIVE -> new JType.Struct(List.of(new JType.Field(options.columnNameOfCorruptRecord,
          new JType.Atomic(DataTypes.StringType))));
      case DROPMALFORMED -> null;
      case FAILFAST -> throw new KindlingException("Malformed records are detected in schema inference. "
          + "Parse Mode: FAILFAST." + (cause == null ? "" : " " + cause.getMessage()), cause);
    };
  }

  private JType infer(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return JType.NULL;
      case VALUE_STRING:
        // As in Spark, an empty string tells nothing of its field's type (it reads as null in any type).
        if (p.getTextLength() == 0) {
          return JType.NULL;
        }
        if (options.prefersDecimal && isDecimal(p.getText())) {
          return new JType.Decimal(38, 18);
        }
        if (options.inferTimestamp && options.dateTimes.parseTimestamp(p.getText()) != DateTimes.FAIL) {
          return new JType.Atomic(DataTypes.TimestampType);
        }
        return new JType.Atomic(DataTypes.StringType);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new JType.Atomic(options.primitivesAsString ? DataTypes.StringType : DataTypes.BooleanType);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(p);
      case START_OBJECT: {
        List<JType.Field> fields = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          fields.add(new JType.Field(name, infer(p, p.nextToken())));
        }
        fields.sort((x, y) -> x.name().compareTo(y.name()));
        return new JType.Struct(fields);
      }
      case START_ARRAY: {
        JType element = JType.NULL;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          element = JType.merge(element, infer(p, e));
        }
        return new JType.Array(element);
      }
      default:
        throw new KindlingException("Unexpected JSON token " + t);
    }
  }

  private JType number(JsonParser p) throws IOException {
    if (options.primitivesAsString) {
      return new JType.Atomic(DataTypes.StringType);
    }
    JsonParser.NumberType nt = p.getNumberType();
    switch (nt) {
      case INT:
      case LONG:
        return new JType.Atomic(DataTypes.LongType);
      case BIG_INTEGER:
      case BIG_DECIMAL: {
        BigDecimal v = p.getDecimalValue();
        int precision = Math.max(v.precision(), v.scale());
        return precision <= 38 ? new JType.Decimal(precision, Math.max(v.scale(), 0))
            : new JType.Atomic(DataTypes.DoubleType);
      }
      default:
        if (options.prefersDecimal) {
          BigDecimal v = p.getDecimalValue();
          int precision = Math.max(v.precision(), v.scale());
          if (precision <= 38) {
            return new JType.Decimal(precision, Math.max(v.scale(), 0));
          }
        }
        return new JType.Atomic(DataTypes.DoubleType);
    }
  }

  private static boolean isDecimal(String s) {
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Spark's {@code canonicalizeType}: the final schema. */
  public StructType toSchema(JType root) {
    if (!(root instanceof JType.Struct)) {
      return new StructType();
    }
    DataType t = canonical(root);
    return t == null ? new StructType() : (StructType) t;
  }

  private DataType canonical(JType t) {
    if (t instanceof JType.Array a) {
      DataType e = canonical(a.element());
      return e == null ? null : DataTypes.createArrayType(e);
    }
    if (t instanceof JType.Struct s) {
      List<StructField> fields = new ArrayList<>();
      // Column names resolve without case, so, as in Spark, names that differ only in case cannot both be columns.
      Set<String> names = new HashSet<>();
      for (JType.Field f : s.fields()) {
        if (!names.add(f.name().toLowerCase(Locale.ROOT))) {
          throw new KindlingException("[COLUMN_ALREADY_EXISTS] The column `" + f.name().toLowerCase(Locale.ROOT)
              + "` already exists. Consider to choose another name or rename the existing column.");
        }
        if (f.name().isEmpty()) {
          continue;
        }
        DataType d = canonical(f.type());
        if (d != null) {
          fields.add(new StructField(f.name(), d, true));
        }
      }
      return fields.isEmpty() ? null : new StructType(fields);
    }
    if (t == JType.NULL) {
      return options.dropFieldIfAllNull ? null : DataTypes.StringType;
    }
    if (t instanceof JType.Decimal) {
      return DataTypes.DoubleType;
    }
    return ((JType.Atomic) t).type();
  }
}
