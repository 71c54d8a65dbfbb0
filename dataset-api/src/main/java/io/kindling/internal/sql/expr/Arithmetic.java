package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** {@code left op right} for {@code + - * / %}; after analysis both sides have the same type. */
public record Arithmetic(Op op, Expression left, Expression right) implements Expression {

  /** The operators, with Spark's symbols. */
  public enum Op {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  public Arithmetic {
    requireNonNull(op, "op is null");
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Arithmetic(op, children.get(0), children.get(1));
  }

  @Override
  public DataType dataType() {
    return op == Op.DIVIDE ? DataTypes.DoubleType : left.dataType();
  }

  @Override
  public boolean nullable() {
    // Division and remainder by zero give null.
    return op == Op.DIVIDE || op == Op.REMAINDER || left.nullable() || right.nullable();
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " " + op.symbol + " " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return "(" + left + " " + op.symbol + " " + right + ")";
  }
}
