package io.kindling.engine.format.json;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A JSON type during inference (Spark's lattice, with decimals and a null type), and Spark's merge of two. */
public sealed interface JType extends Serializable {
  JType NULL = new Null();

  /** The type of JSON null. */
  record Null() implements JType {}

  record Atomic(DataType type) implements JType {}

  record Decimal(int precision, int scale) implements JType {}

  record Array(JType element) implements JType {}

  /** Fields sorted by name. */
  record Struct(List<Field> fields) implements JType {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  record Field(String name, JType type) implements Serializable {}

  /** Spark's JSON {@code compatibleType}. */
  static JType merge(JType a, JType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof Null) {
      return b;
    }
    if (b instanceof Null) {
      return a;
    }
    if (a instanceof Atomic x && b instanceof Atomic y) {
      DataType l = DataTypes.LongType;
      DataType d = DataTypes.DoubleType;
      if ((x.type().equals(l) || x.type().equals(d)) && (y.type().equals(l) || y.type().equals(d))) {
        return new Atomic(d);
      }
      if (isDatetime(x.type()) && isDatetime(y.type())) {
        return new Atomic(DataTypes.TimestampType);
      }
      return new Atomic(DataTypes.StringType);
    }
    if (a instanceof Decimal x && b instanceof Decimal y) {
      int scale = Math.max(x.scale(), y.scale());
      int range = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
      return range + scale > 38 ? new Atomic(DataTypes.DoubleType) : new Decimal(range + scale, scale);
    }
    if (a instanceof Decimal && isDouble(b) || b instanceof Decimal && isDouble(a)) {
      return new Atomic(DataTypes.DoubleType);
    }
    if (a instanceof Decimal && isLong(b)) {
      return merge(a, new Decimal(20, 0));
    }
    if (b instanceof Decimal && isLong(a)) {
      return merge(new Decimal(20, 0), b);
    }
    if (a instanceof Struct x && b instanceof Struct y) {
      List<Field> out = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < x.fields().size() || j < y.fields().size()) {
        if (j == y.fields().size()) {
          out.add(x.fields().get(i++));
        } else if (i == x.fields().size()) {
          out.add(y.fields().get(j++));
        } else {
          Field f = x.fields().get(i);
          Field g = y.fields().get(j);
          int c = f.name().compareTo(g.name());
          if (c == 0) {
            out.add(new Field(f.name(), merge(f.type(), g.type())));
            i++;
            j++;
          } else if (c < 0) {
            out.add(f);
            i++;
          } else {
            out.add(g);
            j++;
          }
        }
      }
      return new Struct(out);
    }
    if (a instanceof Array x && b instanceof Array y) {
      return new Array(merge(x.element(), y.element()));
    }
    return new Atomic(DataTypes.StringType);
  }

  private static boolean isDouble(JType t) {
    return t instanceof Atomic a && a.type().equals(DataTypes.DoubleType);
  }

  private static boolean isLong(JType t) {
    return t instanceof Atomic a && a.type().equals(DataTypes.LongType);
  }

  private static boolean isDatetime(DataType t) {
    return t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType);
  }
}
