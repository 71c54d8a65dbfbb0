package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code value IN (list…)}, with SQL's null rules: no match and a null in the list gives null. */
public record In(Expression value, List<Expression> list) implements Expression {

  public In {
    requireNonNull(value, "value is null");
    list = List.copyOf(list);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(list.size() + 1);
    all.add(value);
    all.addAll(list);
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new In(children.get(0), children.subList(1, children.size()));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return children().stream().anyMatch(Expression::nullable);
  }

  @Override
  public String sql() {
    return "(" + value.sql() + " IN (" + list.stream().map(Expression::sql).collect(Collectors.joining(", "))
        + "))";
  }

  @Override
  public String toString() {
    return value + " IN (" + list.stream().map(Object::toString).collect(Collectors.joining(",")) + ")";
  }
}
