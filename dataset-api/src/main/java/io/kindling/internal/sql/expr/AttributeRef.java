package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructField;
import java.util.List;

/**
 * A resolved column: a name, a type and a unique id. Two references are the same column when their ids are
 * equal, whatever their names; plans refer to their children's output by these ids.
 */
public record AttributeRef(String name, DataType dataType, boolean nullable, long exprId) implements Expression {

  public AttributeRef {
    requireNonNull(name, "name is null");
    requireNonNull(dataType, "dataType is null");
  }

  /** A new attribute with a fresh id. */
  public static AttributeRef of(String name, DataType type, boolean nullable) {
    return new AttributeRef(name, type, nullable, ExprIds.next());
  }

  public static AttributeRef of(StructField field) {
    return of(field.name(), field.dataType(), field.nullable());
  }

  public AttributeRef withName(String newName) {
    return new AttributeRef(newName, dataType, nullable, exprId);
  }

  public AttributeRef withNullable(boolean n) {
    return n == nullable ? this : new AttributeRef(name, dataType, n, exprId);
  }

  /** The same column under a fresh id (a new instance of a relation, as in a self-join). */
  public AttributeRef newInstance() {
    return new AttributeRef(name, dataType, nullable, ExprIds.next());
  }

  public StructField toField() {
    return new StructField(name, dataType, nullable);
  }

  public boolean sameColumn(AttributeRef other) {
    return other.exprId == exprId;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return this;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return name;
  }

  /** Spark's plan text: {@code price#12}. */
  @Override
  public String toString() {
    return name + "#" + exprId + (dataType.equals(io.kindling.sql.types.DataTypes.LongType) ? "L" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeRef a && a.exprId == exprId;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(exprId);
  }
}
