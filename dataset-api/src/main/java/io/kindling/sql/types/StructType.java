package io.kindling.sql.types;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.DisplayText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row type: an ordered list of named fields. Immutable; {@link #add} returns a new instance, as in Spark.
 */
public final class StructType extends DataType implements Iterable<StructField> {
  private static final long serialVersionUID = 1L;

  private final StructField[] fields;
  private transient Map<String, Integer> index;

  public StructType() {
    this(List.of());
  }

  public StructType(List<StructField> fields) {
    this.fields = requireNonNull(fields, "fields is null").toArray(new StructField[0]);
  }

  public StructType(StructField[] fields) {
    this(Arrays.asList(fields));
  }

  /** Parses a DDL column list such as {@code "a INT, b STRING NOT NULL, c ARRAY<DOUBLE>"}. */
  public static StructType fromDDL(String ddl) {
    return DdlParser.parseSchema(ddl);
  }

  /** A new struct with a nullable field appended. */
  public StructType add(String name, DataType dataType) {
    return add(new StructField(name, dataType, true));
  }

  public StructType add(String name, DataType dataType, boolean nullable) {
    return add(new StructField(name, dataType, nullable));
  }

  /** A new struct with a field of the type named in DDL ({@code "int"}, {@code "array<string>"}). */
  public StructType add(String name, String dataType) {
    return add(new StructField(name, DdlParser.parseType(dataType), true));
  }

  public StructType add(StructField field) {
    List<StructField> list = new ArrayList<>(Arrays.asList(fields));
    list.add(requireNonNull(field, "field is null"));
    return new StructType(list);
  }

  public StructField[] fields() {
    return fields.clone();
  }

  public String[] fieldNames() {
    return Arrays.stream(fields).map(StructField::name).toArray(String[]::new);
  }

  public int size() {
    return fields.length;
  }

  public int length() {
    return fields.length;
  }

  public StructField get(int i) {
    return fields[i];
  }

  /** The field named {@code name}; fails naming the available fields when there is none. */
  public StructField apply(String name) {
    return fields[fieldIndex(name)];
  }

  /** The position of field {@code name}; fails naming the available fields when there is none. */
  public int fieldIndex(String name) {
    Integer i = index().get(name);
    if (i == null) {
      throw new IllegalArgumentException(name + " does not exist. Available: "
          + String.join(", ", fieldNames()));
    }
    return i;
  }

  /** The position of field {@code name}, or -1. */
  public int indexOf(String name) {
    return index().getOrDefault(name, -1);
  }

  private Map<String, Integer> index() {
    Map<String, Integer> m = index;
    if (m == null) {
      m = new HashMap<>();
      for (int i = fields.length - 1; i >= 0; i--) {
        m.put(fields[i].name(), i);
      }
      index = m;
    }
    return m;
  }

  @Override
  public Iterator<StructField> iterator() {
    return Arrays.asList(fields).iterator();
  }

  @Override
  public String typeName() {
    return "struct";
  }

  @Override
  public String simpleString() {
    return Arrays.stream(fields).map(f -> f.name() + ":" + f.dataType().simpleString())
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  @Override
  public String sql() {
    return Arrays.stream(fields).map(f -> quoted(f.name()) + ": " + f.dataType().sql())
        .collect(Collectors.joining(", ", "STRUCT<", ">"));
  }

  /** The DDL form {@code fromDDL} reads: {@code a INT,b STRING}. */
  public String toDDL() {
    return Arrays.stream(fields)
        .map(f -> quoted(f.name()) + " " + f.dataType().sql() + (f.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(","));
  }

  /** The text {@code printSchema()} prints, starting with {@code root}. */
  public String treeString() {
    StringBuilder sb = new StringBuilder("root\n");
    for (StructField f : fields) {
      appendField(sb, " |", f.name(), f.dataType(), "nullable", f.nullable());
    }
    return sb.toString();
  }

  private static void appendField(StringBuilder sb, String prefix, String name, DataType type, String nullWord,
      boolean nullable) {
    sb.append(prefix).append("-- ").append(DisplayText.escapeMeta(name)).append(": ").append(type.typeName())
        .append(" (").append(nullWord).append(" = ").append(nullable).append(")\n");
    String inner = prefix + "    |";
    if (type instanceof StructType s) {
      for (StructField f : s.fields) {
        appendField(sb, inner, f.name(), f.dataType(), "nullable", f.nullable());
      }
    } else if (type instanceof ArrayType a) {
      appendField(sb, inner, "element", a.elementType(), "containsNull", a.containsNull());
    }
  }

  private static String quoted(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType s && Arrays.equals(s.fields, fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  /** Spark's text: {@code StructType(StructField(a,IntegerType,true),StructField(b,StringType,true))}. */
  @Override
  public String toString() {
    return Arrays.stream(fields).map(StructField::toString)
        .collect(Collectors.joining(",", "StructType(", ")"));
  }

  /** Lower-case names of the atomic types accepted in DDL, for messages. */
  static String supportedTypeNames() {
    return "STRING, VARCHAR(n), CHAR(n), INT, INTEGER, BIGINT, LONG, SMALLINT, SHORT, TINYINT, BYTE, DOUBLE, "
        + "FLOAT, REAL, BOOLEAN, DATE, TIMESTAMP, BINARY, ARRAY<type>, STRUCT<name: type, ...>"
        .toLowerCase(Locale.ROOT);
  }
}
