package io.kindling.hadoop.parquet;

import io.kindling.KindlingException;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Kindling types to Parquet types and back, as Spark 3.5 maps them (its non-legacy format): byte and short are
 * INT32 with INT(8)/INT(16), date is INT32 DATE, string is BINARY STRING, timestamp is INT96 (Spark's default
 * {@code outputTimestampType}) or INT64 TIMESTAMP(MICROS|MILLIS, UTC), arrays are the three-level LIST
 * ({@code repeated group list { element }}), structs are groups. Reading also takes what other writers produce:
 * INT64 timestamps of any unit, UINT_8/16/32, ENUM and JSON strings, and the legacy two-level list forms. Types
 * Kindling has no counterpart for (decimals, maps, intervals, UINT_64) fail naming the column.
 */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /** How timestamps are written (Spark's {@code spark.sql.parquet.outputTimestampType}). */
  public enum TimestampEncoding { INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS }

  /** The Parquet schema Kindling writes for rows of {@code schema}. */
  public static MessageType toParquet(StructType schema, TimestampEncoding timestamps) {
    List<Type> fields = new ArrayList<>();
    for (StructField f : schema) {
      fields.add(toParquet(f.name(), f.dataType(), f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED,
          timestamps));
    }
    return new MessageType("spark_schema", fields);
  }

  private static Type toParquet(String name, DataType t, Repetition rep, TimestampEncoding timestamps) {
    if (t.equals(DataTypes.BooleanType)) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
    }
    if (t.equals(DataTypes.ByteType)) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(name);
    }
    if (t.equals(DataTypes.ShortType)) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(name);
    }
    if (t.equals(DataTypes.IntegerType)) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
    }
    if (t.equals(DataTypes.LongType)) {
      return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
    }
    if (t.equals(DataTypes.FloatType)) {
      return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
    }
    if (t.equals(DataTypes.DoubleType)) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
    }
    if (t.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
    }
    if (t.equals(DataTypes.BinaryType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
    }
    if (t.equals(DataTypes.DateType)) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
    }
    if (t.equals(DataTypes.TimestampType)) {
      return switch (timestamps) {
        case INT96 -> Types.primitive(PrimitiveTypeName.INT96, rep).named(name);
        case TIMESTAMP_MICROS -> Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
        case TIMESTAMP_MILLIS -> Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(name);
      };
    }
    if (t instanceof ArrayType a) {
      Type element = toParquet("element", a.elementType(), a.containsNull() ? Repetition.OPTIONAL
          : Repetition.REQUIRED, timestamps);
      return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(element).named("list")).named(name);
    }
    if (t instanceof StructType s) {
      if (s.size() == 0) {
        throw new KindlingException("Parquet data source does not support writing empty structs: column `" + name
            + "` is " + s.simpleString());
      }
      List<Type> fields = new ArrayList<>();
      for (StructField f : s) {
        fields.add(toParquet(f.name(), f.dataType(), f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED,
            timestamps));
      }
      return new GroupType(rep, name, fields);
    }
    throw new KindlingException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Parquet datasource doesn't support the "
        + "column `" + name + "` of the type \"" + t.sql() + "\".");
  }

  /** The Kindling schema of a Parquet file's schema. */
  public static StructType toKindling(MessageType schema) {
    List<StructField> fields = new ArrayList<>();
    for (Type f : schema.getFields()) {
      fields.add(field(f, f.getName()));
    }
    return new StructType(fields);
  }

  private static StructField field(Type f, String path) {
    if (f.isRepetition(Repetition.REPEATED)) {
      // A repeated field without a LIST annotation is a required list of required elements.
      return new StructField(f.getName(), new ArrayType(elementOf(f, path), false), false);
    }
    return new StructField(f.getName(), typeOf(f, path), !f.isRepetition(Repetition.REQUIRED));
  }

  private static DataType elementOf(Type repeated, String path) {
    return repeated.isPrimitive() ? primitive(repeated.asPrimitiveType(), path) : group(repeated.asGroupType(), path);
  }

  /** The type of a field, ignoring its repetition. */
  static DataType typeOf(Type f, String path) {
    return f.isPrimitive() ? primitive(f.asPrimitiveType(), path) : group(f.asGroupType(), path);
  }

  private static DataType group(GroupType g, String path) {
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(g, path);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      throw unsupported(path, "MAP");
    }
    List<StructField> fields = new ArrayList<>();
    for (Type f : g.getFields()) {
      fields.add(field(f, path + "." + f.getName()));
    }
    return new StructType(fields);
  }

  /** A LIST-annotated group, with the backward-compatibility rules of the Parquet format spec. */
  private static DataType list(GroupType g, String path) {
    if (g.getFieldCount() != 1 || !g.getType(0).isRepetition(Repetition.REPEATED)) {
      throw new KindlingException("Parquet column `" + path + "` is an invalid LIST: " + g);
    }
    Type repeated = g.getType(0);
    if (isElementItself(repeated, g.getName())) {
      return new ArrayType(elementOf(repeated, path), false);
    }
    Type element = repeated.asGroupType().getType(0);
    return new ArrayType(typeOf(element, path + ".element"), !element.isRepetition(Repetition.REQUIRED));
  }

  /**
   * True when the repeated field of a LIST is the element (the legacy two-level forms), false when it wraps an
   * element field (the standard three-level form).
   */
  static boolean isElementItself(Type repeated, String listName) {
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType g = repeated.asGroupType();
    return g.getFieldCount() > 1 || g.getName().equals("array") || g.getName().equals(listName + "_tuple");
  }

  private static DataType primitive(PrimitiveType p, String path) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case INT96:
        return DataTypes.TimestampType;
      case INT32:
        if (a == null) {
          return DataTypes.IntegerType;
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataTypes.DateType;
        }
        if (a instanceof IntLogicalTypeAnnotation i) {
          if (i.isSigned()) {
            return i.getBitWidth() == 8 ? DataTypes.ByteType : i.getBitWidth() == 16 ? DataTypes.ShortType
                : DataTypes.IntegerType;
          }
          // Spark widens unsigned types by one step.
          return i.getBitWidth() == 8 ? DataTypes.ShortType : i.getBitWidth() == 16 ? DataTypes.IntegerType
              : DataTypes.LongType;
        }
        break;
      case INT64:
        if (a == null) {
          return DataTypes.LongType;
        }
        if (a instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
          return DataTypes.LongType;
        }
        if (a instanceof TimestampLogicalTypeAnnotation) {
          return DataTypes.TimestampType;
        }
        break;
      case BINARY:
        if (a == null) {
          return DataTypes.BinaryType;
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return DataTypes.StringType;
        }
        if (a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          return DataTypes.BinaryType;
        }
        break;
      default:
        break;
    }
    throw unsupported(path, p.getPrimitiveTypeName() + (a == null ? "" : " (" + a + ")"));
  }

  private static KindlingException unsupported(String path, String what) {
    return new KindlingException("Parquet column `" + path + "` has the type " + what + ", which Kindling does not "
        + "support: select only the columns Kindling can read (a schema without this column), or convert it to a "
        + "supported type when writing the file.");
  }

  /**
   * Spark's {@code StructType.merge} for {@code mergeSchema}: fields of {@code b} missing from {@code a} are
   * appended; fields in both must have the same type (structs merge recursively); nullable if either is.
   */
  public static StructType merge(StructType a, StructType b) {
    List<StructField> out = new ArrayList<>();
    for (StructField fa : a) {
      int j = b.indexOf(fa.name());
      if (j < 0) {
        out.add(fa);
        continue;
      }
      StructField fb = b.get(j);
      out.add(new StructField(fa.name(), mergeType(fa.name(), fa.dataType(), fb.dataType()),
          fa.nullable() || fb.nullable()));
    }
    for (StructField fb : b) {
      if (a.indexOf(fb.name()) < 0) {
        out.add(fb);
      }
    }
    return new StructType(out);
  }

  private static DataType mergeType(String name, DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return merge(sa, sb);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return new ArrayType(mergeType(name, aa.elementType(), ab.elementType()),
          aa.containsNull() || ab.containsNull());
    }
    if (!a.equals(b)) {
      throw new KindlingException("Failed to merge fields '" + name + "' and '" + name + "'. Failed to merge "
          + "incompatible data types \"" + a.sql() + "\" and \"" + b.sql() + "\".");
    }
    return a;
  }
}
