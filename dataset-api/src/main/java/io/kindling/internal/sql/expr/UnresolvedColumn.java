package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import java.util.List;

/** A column named by the user, not yet bound to an attribute of a plan. */
public record UnresolvedColumn(String name) implements Expression {

  public UnresolvedColumn {
    requireNonNull(name, "name is null");
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
  public DataType dataType() {
    throw new IllegalStateException("unresolved column " + name + " has no type");
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return name;
  }

  @Override
  public String toString() {
    return "'" + name;
  }
}
