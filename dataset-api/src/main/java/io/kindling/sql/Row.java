package io.kindling.sql;

import io.kindling.sql.types.StructType;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a DataFrame: values by position, and by name when the row carries its {@link #schema()} (rows a
 * DataFrame returns always do). Values are Java objects: {@code String}, {@code Integer}, {@code Long},
 * {@code Double}, {@code Float}, {@code Short}, {@code Byte}, {@code Boolean}, {@link LocalDate} (date),
 * {@link LocalDateTime} (timestamp), {@code byte[]}, {@code java.util.List} (array), {@code Row} (struct),
 * or null. Equality and hash code are by value, ignoring the schema, as in Spark.
 */
public final class Row implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final StructType schema;

  private Row(Object[] values, StructType schema) {
    this.values = values;
    this.schema = schema;
  }

  /** A row of the given values, without a schema. */
  public static Row of(Object... values) {
    return new Row(values == null ? new Object[] {null} : values.clone(), null);
  }

  /** A row of the given values and schema (the value count must match the field count). */
  public static Row create(StructType schema, Object... values) {
    if (schema != null && schema.size() != values.length) {
      throw new IllegalArgumentException("Row has " + values.length + " values but its schema has "
          + schema.size() + " fields: " + schema.simpleString());
    }
    return new Row(values.clone(), schema);
  }

  /** Internal: wraps {@code values} without copying. */
  public static Row wrap(Object[] values, StructType schema) {
    return new Row(values, schema);
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  public int length() {
    return values.length;
  }

  /** The row's schema, or null for a row made with {@link #of}. */
  public StructType schema() {
    return schema;
  }

  /** The value at {@code i} (null for SQL NULL). */
  public Object get(int i) {
    checkIndex(i);
    return values[i];
  }

  /** The value of field {@code name}; needs a schema. */
  @SuppressWarnings("unchecked")
  public <T> T getAs(String name) {
    return (T) values[fieldIndex(name)];
  }

  @SuppressWarnings("unchecked")
  public <T> T getAs(int i) {
    return (T) get(i);
  }

  /** The position of field {@code name}; fails when the row has no schema or no such field. */
  public int fieldIndex(String name) {
    if (schema == null) {
      throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined: " + name);
    }
    int i = schema.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
          + String.join(", ", schema.fieldNames()));
    }
    return i;
  }

  public boolean isNullAt(int i) {
    return get(i) == null;
  }

  public String getString(int i) {
    return (String) typed(i, "String");
  }

  public int getInt(int i) {
    return ((Number) primitive(i, "int")).intValue();
  }

  public long getLong(int i) {
    return ((Number) primitive(i, "long")).longValue();
  }

  public double getDouble(int i) {
    return ((Number) primitive(i, "double")).doubleValue();
  }

  public float getFloat(int i) {
    return ((Number) primitive(i, "float")).floatValue();
  }

  public short getShort(int i) {
    return ((Number) primitive(i, "short")).shortValue();
  }

  public byte getByte(int i) {
    return ((Number) primitive(i, "byte")).byteValue();
  }

  public boolean getBoolean(int i) {
    return (Boolean) primitive(i, "boolean");
  }

  public LocalDate getDate(int i) {
    return (LocalDate) typed(i, "LocalDate");
  }

  public LocalDateTime getTimestamp(int i) {
    return (LocalDateTime) typed(i, "LocalDateTime");
  }

  @SuppressWarnings("unchecked")
  public <T> List<T> getList(int i) {
    return (List<T>) typed(i, "List");
  }

  public Row getStruct(int i) {
    return (Row) typed(i, "Row");
  }

  /** The values as a new array. */
  public Object[] toArray() {
    return values.clone();
  }

  /** Internal: the values array itself. */
  public Object[] values() {
    return values;
  }

  private Object primitive(int i, String type) {
    Object v = get(i);
    if (v == null) {
      throw new NullPointerException("Value at index " + i + " is null; use isNullAt(" + i + ") before get"
          + Character.toUpperCase(type.charAt(0)) + type.substring(1));
    }
    return typed(i, type);
  }

  private Object typed(int i, String type) {
    Object v = get(i);
    boolean ok = v == null || switch (type) {
      case "String" -> v instanceof String;
      case "int", "long", "double", "float", "short", "byte" -> v instanceof Number;
      case "boolean" -> v instanceof Boolean;
      case "LocalDate" -> v instanceof LocalDate;
      case "LocalDateTime" -> v instanceof LocalDateTime;
      case "List" -> v instanceof List<?>;
      case "Row" -> v instanceof Row;
      default -> true;
    };
    if (!ok) {
      throw new ClassCastException("Value at index " + i + (schema == null ? "" : " (" + schema.get(i).name()
          + ")") + " is a " + v.getClass().getSimpleName() + ", not a " + type + ": " + v);
    }
    return v;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= values.length) {
      throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for a row of " + values.length
          + " values");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && Arrays.deepEquals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  /** Spark's text: {@code [alice,30,null]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values[i];
      sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
    }
    return sb.append(']').toString();
  }
}
