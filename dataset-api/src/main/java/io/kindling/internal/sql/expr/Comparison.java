package io.kindling.internal.sql.expr;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** {@code left op right} for {@code = <=> > >= < <=}; after analysis both sides have the same type. */
public record Comparison(Op op, Expression left, Expression right) implements Expression {

  /** The comparison operators, with Spark's symbols. {@code EQ_NULL_SAFE} is {@code <=>}. */
  public enum Op {
    EQ("="), EQ_NULL_SAFE("<=>"), GT(">"), GE(">="), LT("<"), LE("<=");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public Op flip() {
      return switch (this) {
        case GT -> LT;
        case GE -> LE;
        case LT -> GT;
        case LE -> GE;
        default -> this;
      };
    }
  }

  public Comparison {
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
    return new Comparison(op, children.get(0), children.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return op != Op.EQ_NULL_SAFE && (left.nullable() || right.nullable());
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
