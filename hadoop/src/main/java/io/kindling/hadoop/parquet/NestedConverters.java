package io.kindling.hadoop.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * Converters that build nested values: structs as {@code Object[]} (fields in file order, which the requested
 * schema fixes), arrays as {@code ArrayList}, from the standard three-level LIST, the legacy two-level forms, and
 * bare repeated fields (a repeated field is a list whose elements arrive one call at a time, so its parent opens
 * and closes the list: see {@link Repeated}).
 */
final class NestedConverters {
  private NestedConverters() {}

  /** The converter of a non-repeated field, delivering its value to {@code target}. */
  static Converter of(Type type, ValueTarget target, Zones zones) {
    if (type.isPrimitive()) {
      return new PrimitiveReader(type.asPrimitiveType(), target, zones);
    }
    GroupType g = type.asGroupType();
    if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return new ListConverter(g, target, zones);
    }
    return new StructConverter(g, target, zones);
  }

  /** A repeated field of a group: its elements are collected between the parent's start and end. */
  static final class Repeated {
    private final Converter converter;
    private final ValueTarget target;
    private List<Object> values;

    Repeated(Type repeated, ValueTarget target, Zones zones) {
      this.target = target;
      this.converter = element(repeated, v -> values.add(v), zones);
    }

    Converter converter() {
      return converter;
    }

    void begin() {
      values = new ArrayList<>();
    }

    void finish() {
      target.setObject(values);
    }
  }

  /** The converter of one element of a repeated field (the field itself, read once per element). */
  private static Converter element(Type repeated, Consumer<Object> add, Zones zones) {
    ValueTarget target = PrimitiveReader.boxing(add);
    if (repeated.isPrimitive()) {
      return new PrimitiveReader(repeated.asPrimitiveType(), target, zones);
    }
    return of(repeated, target, zones);
  }

  /** A group as {@code Object[]}. */
  static final class StructConverter extends GroupConverter {
    private final ValueTarget target;
    private final Converter[] children;
    private final Repeated[] repeated;
    private Object[] current;

    StructConverter(GroupType type, ValueTarget target, Zones zones) {
      this.target = target;
      int n = type.getFieldCount();
      this.children = new Converter[n];
      this.repeated = new Repeated[n];
      for (int i = 0; i < n; i++) {
        int index = i;
        Type f = type.getType(i);
        ValueTarget field = PrimitiveReader.boxing(v -> current[index] = v);
        if (f.isRepetition(Type.Repetition.REPEATED)) {
          repeated[i] = new Repeated(f, field, zones);
          children[i] = repeated[i].converter();
        } else {
          children[i] = of(f, field, zones);
        }
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      current = new Object[children.length];
      for (Repeated r : repeated) {
        if (r != null) {
          r.begin();
        }
      }
    }

    @Override
    public void end() {
      for (Repeated r : repeated) {
        if (r != null) {
          r.finish();
        }
      }
      target.setObject(current);
    }
  }

  /** A LIST-annotated group as {@code ArrayList}. */
  static final class ListConverter extends GroupConverter {
    private final ValueTarget target;
    private final Converter child;
    private List<Object> values;

    ListConverter(GroupType type, ValueTarget target, Zones zones) {
      this.target = target;
      Type repeated = type.getType(0);
      if (ParquetSchemas.isElementItself(repeated, type.getName())) {
        this.child = element(repeated, v -> values.add(v), zones);
      } else {
        this.child = new ElementConverter(repeated.asGroupType().getType(0), zones);
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return child;
    }

    @Override
    public void start() {
      values = new ArrayList<>();
    }

    @Override
    public void end() {
      target.setObject(values);
    }

    /** The repeated {@code list} group of the three-level form: one element (maybe null) each time. */
    private final class ElementConverter extends GroupConverter {
      private final Converter element;
      private Object pending;

      ElementConverter(Type element, Zones zones) {
        this.element = of(element, PrimitiveReader.boxing(v -> pending = v), zones);
      }

      @Override
      public Converter getConverter(int fieldIndex) {
        return element;
      }

      @Override
      public void start() {
        pending = null;
      }

      @Override
      public void end() {
        values.add(pending);
      }
    }
  }
}
