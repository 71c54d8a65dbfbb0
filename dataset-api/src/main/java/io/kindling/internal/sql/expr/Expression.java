package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node of an expression tree. Unresolved trees ({@link UnresolvedColumn}, functions without a type) come
 * from the user; analysis turns them into resolved ones whose {@link #dataType()} and {@link #nullable()} are
 * known. {@link #sql()} is the text Spark shows for the expression, used to name result columns.
 */
public sealed interface Expression extends Serializable
    permits Literal, UnresolvedColumn, Star, AttributeRef, Alias, Arithmetic, UnaryMinus, Comparison, And, Or,
    Not, IsNull, IsNotNull, In, CaseWhen, Cast, Call, AggregateCall, SortOrder {

  List<Expression> children();

  /** This expression with new children (same count, same order). */
  Expression withChildren(List<Expression> children);

  /** The type of the value; only meaningful once resolved. */
  DataType dataType();

  /** Whether the value can be null; only meaningful once resolved. */
  boolean nullable();

  /** True when this node and all its children are resolved. */
  default boolean resolved() {
    for (Expression c : children()) {
      if (!c.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** Spark's text for the expression, as used in generated column names: {@code (quantity * price)}. */
  String sql();

  /** True when the expression always gives the same value for the same input (rand is not). */
  default boolean deterministic() {
    for (Expression c : children()) {
      if (!c.deterministic()) {
        return false;
      }
    }
    return true;
  }

  /** True when the value depends on no input column. */
  default boolean foldable() {
    if (children().isEmpty()) {
      return false;
    }
    for (Expression c : children()) {
      if (!c.foldable()) {
        return false;
      }
    }
    return deterministic();
  }

  /** Rewrites bottom-up: children first, then this node. */
  default Expression transformUp(Function<Expression, Expression> rule) {
    List<Expression> kids = children();
    Expression self = this;
    if (!kids.isEmpty()) {
      List<Expression> mapped = new ArrayList<>(kids.size());
      boolean changed = false;
      for (Expression k : kids) {
        Expression m = k.transformUp(rule);
        changed |= m != k;
        mapped.add(m);
      }
      if (changed) {
        self = withChildren(mapped);
      }
    }
    return rule.apply(self);
  }

  /** Rewrites top-down: this node first, then the children of the result. */
  default Expression transformDown(Function<Expression, Expression> rule) {
    Expression self = rule.apply(this);
    List<Expression> kids = self.children();
    if (kids.isEmpty()) {
      return self;
    }
    List<Expression> mapped = new ArrayList<>(kids.size());
    boolean changed = false;
    for (Expression k : kids) {
      Expression m = k.transformDown(rule);
      changed |= m != k;
      mapped.add(m);
    }
    return changed ? self.withChildren(mapped) : self;
  }

  /** True when this node or a descendant matches. */
  default boolean exists(Predicate<Expression> p) {
    if (p.test(this)) {
      return true;
    }
    for (Expression c : children()) {
      if (c.exists(p)) {
        return true;
      }
    }
    return false;
  }

  /** Every attribute this expression reads. */
  default List<AttributeRef> references() {
    List<AttributeRef> out = new ArrayList<>();
    collectReferences(this, out);
    return out;
  }

  private static void collectReferences(Expression e, List<AttributeRef> out) {
    if (e instanceof AttributeRef a) {
      if (!out.contains(a)) {
        out.add(a);
      }
      return;
    }
    for (Expression c : e.children()) {
      collectReferences(c, out);
    }
  }
}
