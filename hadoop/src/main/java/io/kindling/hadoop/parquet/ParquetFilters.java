package io.kindling.hadoop.parquet;

import io.kindling.engine.format.DateTimes;
import io.kindling.engine.format.ScanFilter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Translates pushed {@link ScanFilter}s into a Parquet {@link FilterPredicate} over one file's schema, for
 * skipping row groups by their statistics and dictionaries. What can't be translated (columns missing from the
 * file, nested or INT96 columns, constants of another type) is dropped where that keeps more rows (a conjunct)
 * and makes the whole term unknown elsewhere; negations are pushed down to the leaves first, so dropping is
 * always on the safe side: the predicate never excludes a row group holding a row the filters accept.
 */
final class ParquetFilters {
  /**
   * IN lists up to this long become an OR of equalities, which statistics test value by value (Spark's
   * {@code spark.sql.parquet.pushdown.inFilterThreshold}); Parquet's own IN only tests the list's min and max.
   */
  static final int IN_AS_OR_THRESHOLD = 10;

  private final MessageType schema;
  private final Zones zones;

  ParquetFilters(MessageType schema, Zones zones) {
    this.schema = schema;
    this.zones = zones;
  }

  /** The conjunction of {@code filters}, or null when nothing can be pushed. */
  FilterPredicate translate(List<ScanFilter> filters) {
    FilterPredicate result = null;
    for (ScanFilter f : filters) {
      result = and(result, translate(f, false));
    }
    return result;
  }

  private static FilterPredicate and(FilterPredicate a, FilterPredicate b) {
    return a == null ? b : b == null ? a : FilterApi.and(a, b);
  }

  private static FilterPredicate or(FilterPredicate a, FilterPredicate b) {
    return a == null || b == null ? null : FilterApi.or(a, b);
  }

  private FilterPredicate translate(ScanFilter f, boolean negated) {
    if (f instanceof ScanFilter.And a) {
      return negated ? or(translate(a.left(), true), translate(a.right(), true))
          : and(translate(a.left(), false), translate(a.right(), false));
    }
    if (f instanceof ScanFilter.Or o) {
      return negated ? and(translate(o.left(), true), translate(o.right(), true))
          : or(translate(o.left(), false), translate(o.right(), false));
    }
    if (f instanceof ScanFilter.Not n) {
      return translate(n.child(), !negated);
    }
    if (f instanceof ScanFilter.IsNull n) {
      Col<?> c = column(n.column());
      return c == null ? null : negated ? c.notEqNull() : c.eqNull();
    }
    if (f instanceof ScanFilter.IsNotNull n) {
      Col<?> c = column(n.column());
      return c == null ? null : negated ? c.eqNull() : c.notEqNull();
    }
    if (f instanceof ScanFilter.Compare cmp) {
      Col<?> c = column(cmp.column());
      if (c == null) {
        return null;
      }
      ScanFilter.Op op = negated ? switch (cmp.op()) {
        case EQ -> null;
        case LT -> ScanFilter.Op.GE;
        case LE -> ScanFilter.Op.GT;
        case GT -> ScanFilter.Op.LE;
        case GE -> ScanFilter.Op.LT;
      } : cmp.op();
      // NOT (x = v) is x <> v; Parquet's notEq also keeps nulls, which only keeps more.
      return op == null ? c.notEq(cmp.value()) : c.compare(op, cmp.value());
    }
    if (f instanceof ScanFilter.In in) {
      Col<?> c = column(in.column());
      if (c == null || in.values().isEmpty()) {
        return null;
      }
      if (negated) {
        FilterPredicate all = null;
        for (Object v : in.values()) {
          FilterPredicate p = c.notEq(v);
          if (p == null) {
            return null;
          }
          all = and(all, p);
        }
        return all;
      }
      if (in.values().size() <= IN_AS_OR_THRESHOLD) {
        FilterPredicate any = null;
        for (Object v : in.values()) {
          FilterPredicate p = c.compare(ScanFilter.Op.EQ, v);
          if (p == null) {
            return null;
          }
          any = any == null ? p : FilterApi.or(any, p);
        }
        return any;
      }
      return c.in(in.values());
    }
    return null;
  }

  /** The pushable column of that name, or null. */
  private Col<?> column(String name) {
    if (name.indexOf('.') >= 0 || !schema.containsField(name)) {
      return null;
    }
    Type t = schema.getType(name);
    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    PrimitiveType p = t.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case INT32:
        if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
          return null;
        }
        boolean date = a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
        return new Col<>(FilterApi.intColumn(name), true, v -> date ? dateValue(v) : intValue(v));
      case INT64:
        if (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()) {
          return new Col<>(FilterApi.longColumn(name), true, ParquetFilters::longValue);
        }
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts && ts.getUnit() == TimeUnit.MICROS) {
          boolean utc = ts.isAdjustedToUTC();
          return new Col<>(FilterApi.longColumn(name), true, v -> v instanceof LocalDateTime ldt
              ? (Long) (utc ? zones.localToInstant(DateTimes.toLocalMicros(ldt)) : DateTimes.toLocalMicros(ldt)) : null);
        }
        return null;
      case FLOAT:
        return new Col<>(FilterApi.floatColumn(name), true, ParquetFilters::floatValue);
      case DOUBLE:
        return new Col<>(FilterApi.doubleColumn(name), true,
            v -> v instanceof Number n && !(v instanceof Long) ? (Double) n.doubleValue() : null);
      case BOOLEAN:
        return new Col<>(FilterApi.booleanColumn(name), false, v -> v instanceof Boolean b ? b : null);
      case BINARY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
          return new Col<>(FilterApi.binaryColumn(name), true,
              v -> v instanceof String s ? Binary.fromString(s) : null);
        }
        if (a == null) {
          return new Col<>(FilterApi.binaryColumn(name), true,
              v -> v instanceof byte[] b ? Binary.fromConstantByteArray(b.clone()) : null);
        }
        return null;
      default:
        return null;
    }
  }

  private static Integer intValue(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof Long l && l == (int) (long) l) {
      return (int) (long) l;
    }
    return null;
  }

  private static Integer dateValue(Object v) {
    return v instanceof LocalDate d ? Math.toIntExact(d.toEpochDay()) : null;
  }

  private static Long longValue(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        ? ((Number) v).longValue() : null;
  }

  private static Float floatValue(Object v) {
    if (v instanceof Float f) {
      return f;
    }
    if (v instanceof Double d && (double) (float) (double) d == d) {
      return (float) (double) d;
    }
    return null;
  }

  /** A typed column with the conversion of constants to its values (null: not convertible). */
  private record Col<T extends Comparable<T>>(Operators.Column<T> column, boolean ordered,
      Function<Object, T> convert) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate eqNull() {
      return FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) column, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate notEqNull() {
      return FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) column, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate notEq(Object value) {
      T v = convert.apply(value);
      return v == null ? null : FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) column, (Comparable) v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate compare(ScanFilter.Op op, Object value) {
      T v = convert.apply(value);
      if (v == null || op != ScanFilter.Op.EQ && !ordered) {
        return null;
      }
      Operators.Column c = column;
      return switch (op) {
        case EQ -> FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) c, (Comparable) v);
        case LT -> FilterApi.lt((Operators.Column & Operators.SupportsLtGt) c, (Comparable) v);
        case LE -> FilterApi.ltEq((Operators.Column & Operators.SupportsLtGt) c, (Comparable) v);
        case GT -> FilterApi.gt((Operators.Column & Operators.SupportsLtGt) c, (Comparable) v);
        case GE -> FilterApi.gtEq((Operators.Column & Operators.SupportsLtGt) c, (Comparable) v);
      };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate in(List<Object> values) {
      Set<T> set = new HashSet<>();
      for (Object o : values) {
        T v = convert.apply(o);
        if (v == null) {
          return null;
        }
        set.add(v);
      }
      return FilterApi.in((Operators.Column & Operators.SupportsEqNotEq) column, (Set) set);
    }
  }
}
