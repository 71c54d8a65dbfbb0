package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import java.util.List;

/** A sort key: ascending puts nulls first, descending puts them last, as Spark does by default. */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {

  public SortOrder {
    requireNonNull(child, "child is null");
  }

  public static SortOrder asc(Expression e) {
    return new SortOrder(e, true, true);
  }

  public static SortOrder desc(Expression e) {
    return new SortOrder(e, false, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new SortOrder(children.get(0), ascending, nullsFirst);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }

  @Override
  public String toString() {
    return child + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
