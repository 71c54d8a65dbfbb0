package io.kindling.internal.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.SessionContext;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Values;
import io.kindling.internal.sql.plan.LocalRelationNode;
import io.kindling.internal.sql.plan.RangeNode;
import io.kindling.internal.sql.plan.RddScanNode;
import io.kindling.rdd.RDD;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** How a session makes DataFrames ({@code range}, {@code createDataFrame}); kept out of the session class. */
public final class DataFrames {
  private DataFrames() {}

  public static DataFrame range(SessionContext session, long start, long end, long step, int numPartitions) {
    if (step == 0) {
      throw new IllegalArgumentException("The step of range() must not be 0");
    }
    return new DataFrame(SqlContext.of(session), new RangeNode(AttributeRef.of("id", DataTypes.LongType, false),
        start, end, step, numPartitions));
  }

  /** A DataFrame of driver-side rows; values are checked against the schema now. */
  public static DataFrame fromRows(SessionContext session, List<Row> rows, StructType schema) {
    requireNonNull(rows, "rows is null");
    requireNonNull(schema, "schema is null");
    StructField[] fields = schema.fields();
    List<Row> checked = new ArrayList<>(rows.size());
    for (Row r : rows) {
      if (r == null) {
        throw new IllegalArgumentException("createDataFrame: a row is null");
      }
      if (r.size() != fields.length) {
        throw new IllegalArgumentException("createDataFrame: row " + r + " has " + r.size() + " values but the "
            + "schema has " + fields.length + " fields: " + schema.simpleString());
      }
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = convert(r.get(i), fields[i], i);
      }
      checked.add(Row.wrap(values, schema));
    }
    return new DataFrame(SqlContext.of(session), new LocalRelationNode(attributes(schema), checked));
  }

  /** A DataFrame of an RDD's rows; each row is checked against the schema when read. */
  public static DataFrame fromRdd(RDD<Row> rows, StructType schema) {
    requireNonNull(rows, "rows is null");
    requireNonNull(schema, "schema is null");
    return new DataFrame(SqlContext.of(rows.sessionContext()), new RddScanNode(attributes(schema), rows.lineage()));
  }

  /** {@code value} as the Java class that holds the field's type; fails naming the field. */
  public static Object convert(Object value, StructField field, int index) {
    if (value == null) {
      if (!field.nullable()) {
        throw new IllegalArgumentException("The " + index + "th field '" + field.name()
            + "' of input row cannot be null.");
      }
      return null;
    }
    try {
      return Values.normalize(value, field.dataType());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + index + "th field '" + field.name() + "' of input row: "
          + e.getMessage(), e);
    }
  }

  private static List<AttributeRef> attributes(StructType schema) {
    List<AttributeRef> out = new ArrayList<>();
    for (StructField f : schema) {
      out.add(AttributeRef.of(f));
    }
    return out;
  }
}
