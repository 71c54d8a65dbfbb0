package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.ProjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers for rules: conjuncts, attribute sets, alias substitution. */
final class Predicates {
  private Predicates() {}

  /** {@code a AND b AND c} as {@code [a, b, c]}. */
  static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    split(e, out);
    return out;
  }

  private static void split(Expression e, List<Expression> out) {
    if (e instanceof And a) {
      split(a.left(), out);
      split(a.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The conjunction of {@code exprs}, or null when empty. */
  static Expression and(List<Expression> exprs) {
    Expression result = null;
    for (Expression e : exprs) {
      result = result == null ? e : new And(result, e);
    }
    return result;
  }

  /** True when every attribute {@code e} reads is among {@code attrs}. */
  static boolean readsOnly(Expression e, Collection<AttributeRef> attrs) {
    for (AttributeRef a : e.references()) {
      if (!attrs.contains(a)) {
        return false;
      }
    }
    return true;
  }

  /** The expressions behind a projection's aliases, by attribute. */
  static Map<AttributeRef, Expression> aliases(List<Expression> projections) {
    Map<AttributeRef, Expression> map = new HashMap<>();
    for (Expression p : projections) {
      if (p instanceof Alias a) {
        map.put(a.toAttribute(), a.child());
      }
    }
    return map;
  }

  /** {@code e} with each attribute defined by an alias of {@code projections} replaced by its expression. */
  static Expression inline(Expression e, List<Expression> projections) {
    Map<AttributeRef, Expression> map = aliases(projections);
    if (map.isEmpty()) {
      return e;
    }
    return e.transformUp(x -> x instanceof AttributeRef a && map.containsKey(a) ? map.get(a) : x);
  }

  /** The attributes a projection list produces. */
  static List<AttributeRef> outputs(List<Expression> projections) {
    return projections.stream().map(ProjectNode::toAttribute).toList();
  }
}
