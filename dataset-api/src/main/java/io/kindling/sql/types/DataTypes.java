package io.kindling.sql.types;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The atomic types, and factories for the others (as Spark's {@code DataTypes}). */
public final class DataTypes {
  public static final DataType StringType = new AtomicType("StringType", "string", "string", false);
  public static final DataType IntegerType = new AtomicType("IntegerType", "integer", "int", true);
  public static final DataType LongType = new AtomicType("LongType", "long", "bigint", true);
  public static final DataType DoubleType = new AtomicType("DoubleType", "double", "double", true);
  public static final DataType FloatType = new AtomicType("FloatType", "float", "float", true);
  public static final DataType ShortType = new AtomicType("ShortType", "short", "smallint", true);
  public static final DataType ByteType = new AtomicType("ByteType", "byte", "tinyint", true);
  public static final DataType BooleanType = new AtomicType("BooleanType", "boolean", "boolean", false);
  public static final DataType DateType = new AtomicType("DateType", "date", "date", false);
  public static final DataType TimestampType = new AtomicType("TimestampType", "timestamp", "timestamp", false);
  public static final DataType BinaryType = new AtomicType("BinaryType", "binary", "binary", false);
  /** The type of a null literal. */
  public static final DataType NullType = new AtomicType("NullType", "void", "void", false);

  private static final Map<String, DataType> BY_CLASS_NAME = List.of(StringType, IntegerType, LongType,
          DoubleType, FloatType, ShortType, ByteType, BooleanType, DateType, TimestampType, BinaryType, NullType)
      .stream().collect(Collectors.toUnmodifiableMap(DataType::toString, Function.identity()));

  private DataTypes() {}

  /** An array type whose elements may be null. */
  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  public static StructField createStructField(String name, DataType dataType, boolean nullable) {
    return new StructField(name, dataType, nullable);
  }

  public static StructType createStructType(List<StructField> fields) {
    return new StructType(fields);
  }

  static DataType atomic(String className) {
    DataType t = BY_CLASS_NAME.get(className);
    if (t == null) {
      throw new IllegalArgumentException("Unknown atomic type " + className);
    }
    return t;
  }
}
