package io.kindling.sql.types;

import java.io.Serializable;

/**
 * The type of a column or a value. Atomic types are singletons in {@link DataTypes}; {@link ArrayType} and
 * {@link StructType} are built. Names follow Spark: {@link #typeName()} as {@code printSchema()} prints it
 * ({@code integer}), {@link #simpleString()} as SQL and DDL write it ({@code int}).
 */
public abstract class DataType implements Serializable {
  private static final long serialVersionUID = 1L;

  DataType() {}

  /** The name {@code printSchema()} shows: {@code string}, {@code integer}, {@code long}, {@code array}, … */
  public abstract String typeName();

  /** The SQL name: {@code string}, {@code int}, {@code bigint}, {@code array<int>}, {@code struct<a:int>}. */
  public abstract String simpleString();

  /** The DDL form, as {@code StructType.toDDL()} writes it: {@code INT}, {@code ARRAY<STRING>}. */
  public String sql() {
    return simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  /** Parses a type name as DDL writes it: {@code int}, {@code bigint}, {@code string}, {@code array<double>}. */
  public static DataType fromDDL(String ddl) {
    return DdlParser.parseType(ddl);
  }

  /** True for int, long, float, double (and the other numeric types). */
  public boolean isNumeric() {
    return false;
  }
}
