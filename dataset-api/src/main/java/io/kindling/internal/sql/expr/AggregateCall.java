package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An aggregate function over a group's rows ({@code sum}, {@code avg}, {@code count}, {@code min}, …).
 * {@code dataType} is null until analysis has checked the arguments.
 */
public record AggregateCall(String name, List<Expression> args, boolean distinct, DataType dataType)
    implements Expression {

  public AggregateCall {
    requireNonNull(name, "name is null");
    args = List.copyOf(args);
  }

  public static AggregateCall of(String name, Expression... args) {
    return new AggregateCall(name, List.of(args), false, null);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new AggregateCall(name, children, distinct, dataType);
  }

  @Override
  public boolean resolved() {
    return dataType != null && Expression.super.resolved();
  }

  @Override
  public boolean nullable() {
    return !(name.equals("count") || name.equals("collect_list") || name.equals("collect_set"));
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return name + "(" + (distinct ? "DISTINCT " : "")
        + args.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return name + "(" + (distinct ? "distinct " : "")
        + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
  }
}
