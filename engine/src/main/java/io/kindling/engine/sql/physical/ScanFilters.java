package io.kindling.engine.sql.physical;

import io.kindling.engine.format.ScanFilter;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.In;
import io.kindling.internal.sql.expr.IsNotNull;
import io.kindling.internal.sql.expr.IsNull;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.Or;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the filters pushed into a file scan into the {@link ScanFilter}s a format reader understands (Spark's
 * {@code DataSourceStrategy.translateFilter}): comparisons of a data column with a constant of the column's type,
 * null tests, IN lists of constants, and AND / OR / NOT of those. Each translation is exact or absent, so that NOT
 * stays correct; a conjunct that does not translate is simply not given to the reader (the scan still applies
 * every filter to the rows it reads).
 */
final class ScanFilters {
  private ScanFilters() {}

  /** The translatable conjuncts of {@code filters}, over the columns {@code dataColumns} of the files. */
  static List<ScanFilter> translate(List<Expression> filters, List<AttributeRef> dataColumns) {
    List<ScanFilter> out = new ArrayList<>();
    for (Expression f : filters) {
      ScanFilter t = translate(f, dataColumns);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static ScanFilter translate(Expression e, List<AttributeRef> columns) {
    if (e instanceof And a) {
      ScanFilter l = translate(a.left(), columns);
      ScanFilter r = translate(a.right(), columns);
      return l == null || r == null ? null : ScanFilter.and(l, r);
    }
    if (e instanceof Or o) {
      ScanFilter l = translate(o.left(), columns);
      ScanFilter r = translate(o.right(), columns);
      return l == null || r == null ? null : ScanFilter.or(l, r);
    }
    if (e instanceof Not n) {
      ScanFilter c = translate(n.child(), columns);
      return c == null ? null : ScanFilter.not(c);
    }
    if (e instanceof IsNull n) {
      String c = column(n.child(), columns);
      return c == null ? null : ScanFilter.isNull(c);
    }
    if (e instanceof IsNotNull n) {
      String c = column(n.child(), columns);
      return c == null ? null : ScanFilter.isNotNull(c);
    }
    if (e instanceof Comparison cmp) {
      return compare(cmp.op(), cmp.left(), cmp.right(), columns);
    }
    if (e instanceof In in) {
      String c = column(in.value(), columns);
      if (c == null) {
        return null;
      }
      List<Object> values = new ArrayList<>();
      for (Expression v : in.list()) {
        if (!(v instanceof Literal lit) || !sameType(lit, in.value().dataType())) {
          return null;
        }
        values.add(lit.value());
      }
      return values.stream().allMatch(java.util.Objects::isNull) ? null : new ScanFilter.In(c, values);
    }
    return null;
  }

  private static ScanFilter compare(Comparison.Op op, Expression left, Expression right,
      List<AttributeRef> columns) {
    if (left instanceof Literal && !(right instanceof Literal)) {
      return compare(op.flip(), right, left, columns);
    }
    String c = column(left, columns);
    if (c == null || !(right instanceof Literal lit) || !sameType(lit, left.dataType())) {
      return null;
    }
    if (lit.value() == null) {
      // x <=> NULL is x IS NULL; any other comparison with NULL is never true, which the scan's own filter
      // settles (a reader filter that keeps everything is still correct).
      return op == Comparison.Op.EQ_NULL_SAFE ? ScanFilter.isNull(c) : null;
    }
    ScanFilter.Op scanOp = switch (op) {
      case EQ, EQ_NULL_SAFE -> ScanFilter.Op.EQ;
      case LT -> ScanFilter.Op.LT;
      case LE -> ScanFilter.Op.LE;
      case GT -> ScanFilter.Op.GT;
      case GE -> ScanFilter.Op.GE;
    };
    return new ScanFilter.Compare(c, scanOp, lit.value());
  }

  /** The name of a top-level data column of an atomic type that {@code e} is, else null. */
  private static String column(Expression e, List<AttributeRef> columns) {
    if (!(e instanceof AttributeRef a) || !columns.contains(a)) {
      return null;
    }
    DataType t = a.dataType();
    return t instanceof StructType || t instanceof ArrayType ? null : a.name();
  }

  private static boolean sameType(Literal lit, DataType columnType) {
    return lit.value() == null || lit.dataType().equals(columnType);
  }
}
