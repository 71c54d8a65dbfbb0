package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A call of a built-in scalar function by name ({@code upper}, {@code round}, {@code regexp_replace}, …).
 * {@code dataType} is null until analysis has checked the arguments (and inserted their casts).
 */
public record Call(String name, List<Expression> args, DataType dataType, boolean nullable) implements Expression {

  private static final Set<String> NON_DETERMINISTIC = Set.of("rand", "monotonically_increasing_id");

  public Call {
    requireNonNull(name, "name is null");
    args = List.copyOf(args);
  }

  /** An unresolved call. */
  public static Call of(String name, Expression... args) {
    return new Call(name, List.of(args), null, true);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Call(name, children, dataType, nullable);
  }

  @Override
  public boolean resolved() {
    return dataType != null && Expression.super.resolved();
  }

  @Override
  public boolean deterministic() {
    return !NON_DETERMINISTIC.contains(name) && Expression.super.deterministic();
  }

  @Override
  public String sql() {
    return switch (name) {
      case "like" -> args.get(0).sql() + " LIKE " + args.get(1).sql();
      case "sqrt", "exp", "power", "log", "log10" -> name.toUpperCase(java.util.Locale.ROOT) + "(" + joined() + ")";
      default -> name + "(" + joined() + ")";
    };
  }

  private String joined() {
    return args.stream().map(Expression::sql).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return name + "(" + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
  }
}
