package io.kindling.engine.format;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A predicate pushed into a file reader (Spark's {@code sources.Filter}): comparisons of one top-level column with
 * a constant, null tests, IN lists, and their AND / OR / NOT. Constants are plain Java values as
 * {@link RowConsumer} describes them (Integer, Long, Double, String, LocalDate, LocalDateTime, …). A reader uses
 * filters only to skip data that cannot match (Parquet row groups, by their statistics): rows it returns may
 * still fail them, so the caller applies its filter as well, as Spark does.
 */
public sealed interface ScanFilter extends Serializable {

  /** The columns this filter reads. */
  List<String> columns();

  /** A comparison operator, with SQL semantics: a null on either side is never true. */
  enum Op { EQ, LT, LE, GT, GE }

  /** {@code column op value}. */
  record Compare(String column, Op op, Object value) implements ScanFilter {
    public Compare {
      requireNonNull(column, "column is null");
      requireNonNull(op, "op is null");
      if (value == null) {
        throw new KindlingException("A pushed comparison of column '" + column + "' with null never matches; "
            + "use IsNull / IsNotNull");
      }
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }
  }

  /** {@code column IS NULL}. */
  record IsNull(String column) implements ScanFilter {
    public IsNull {
      requireNonNull(column, "column is null");
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }
  }

  /** {@code column IS NOT NULL}. */
  record IsNotNull(String column) implements ScanFilter {
    public IsNotNull {
      requireNonNull(column, "column is null");
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }
  }

  /** {@code column IN (values)}; null values in the list never match and are dropped. */
  record In(String column, List<Object> values) implements ScanFilter {
    public In {
      requireNonNull(column, "column is null");
      List<Object> kept = new ArrayList<>();
      for (Object v : values) {
        if (v != null) {
          kept.add(v);
        }
      }
      values = Collections.unmodifiableList(kept);
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }
  }

  record And(ScanFilter left, ScanFilter right) implements ScanFilter {
    public And {
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }

    @Override
    public List<String> columns() {
      List<String> c = new ArrayList<>(left.columns());
      c.addAll(right.columns());
      return c;
    }
  }

  record Or(ScanFilter left, ScanFilter right) implements ScanFilter {
    public Or {
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }

    @Override
    public List<String> columns() {
      List<String> c = new ArrayList<>(left.columns());
      c.addAll(right.columns());
      return c;
    }
  }

  record Not(ScanFilter child) implements ScanFilter {
    public Not {
      requireNonNull(child, "child is null");
    }

    @Override
    public List<String> columns() {
      return child.columns();
    }
  }

  static ScanFilter eq(String column, Object value) {
    return new Compare(column, Op.EQ, value);
  }

  static ScanFilter lt(String column, Object value) {
    return new Compare(column, Op.LT, value);
  }

  static ScanFilter le(String column, Object value) {
    return new Compare(column, Op.LE, value);
  }

  static ScanFilter gt(String column, Object value) {
    return new Compare(column, Op.GT, value);
  }

  static ScanFilter ge(String column, Object value) {
    return new Compare(column, Op.GE, value);
  }

  static ScanFilter isNull(String column) {
    return new IsNull(column);
  }

  static ScanFilter isNotNull(String column) {
    return new IsNotNull(column);
  }

  static ScanFilter in(String column, Object... values) {
    return new In(column, java.util.Arrays.asList(values));
  }

  static ScanFilter and(ScanFilter left, ScanFilter right) {
    return new And(left, right);
  }

  static ScanFilter or(ScanFilter left, ScanFilter right) {
    return new Or(left, right);
  }

  static ScanFilter not(ScanFilter child) {
    return new Not(child);
  }
}
