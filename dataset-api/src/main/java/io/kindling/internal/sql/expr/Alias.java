package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import java.util.List;

/** Names a computed value: {@code (quantity * price) AS total_sales}. */
public record Alias(Expression child, String name, long exprId) implements Expression {

  public Alias {
    requireNonNull(child, "child is null");
    requireNonNull(name, "name is null");
  }

  public static Alias of(Expression child, String name) {
    return new Alias(child, name, ExprIds.next());
  }

  /** The attribute under which the value appears in the output. */
  public AttributeRef toAttribute() {
    return new AttributeRef(name, child.dataType(), child.nullable(), exprId);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Alias(children.get(0), name, exprId);
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
    return child.sql() + " AS " + name;
  }

  @Override
  public String toString() {
    return child + " AS " + name + "#" + exprId + (child.resolved() && child.dataType().equals(io.kindling.sql.types.DataTypes.LongType) ? "L" : "");
  }
}
