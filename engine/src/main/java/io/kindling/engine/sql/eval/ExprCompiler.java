package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.CaseWhen;
import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.In;
import io.kindling.internal.sql.expr.IsNotNull;
import io.kindling.internal.sql.expr.IsNull;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.Or;
import io.kindling.internal.sql.expr.SortOrder;
import io.kindling.internal.sql.expr.UnaryMinus;
import java.util.ArrayList;
import java.util.List;

/** Compiles resolved expressions into batch evaluators over an input of known attributes. */
public final class ExprCompiler {
  private ExprCompiler() {}

  /** {@code e} bound to the columns of batches whose columns are {@code input}, in order. */
  public static BatchExpr compile(Expression e, List<AttributeRef> input, EvalContext context) {
    if (e instanceof AttributeRef a) {
      int i = input.indexOf(a);
      if (i < 0) {
        throw new IllegalStateException("attribute " + a + " is not among the input " + input);
      }
      return new Evaluators.Ref(i, a.dataType());
    }
    if (e instanceof Literal l) {
      return new Evaluators.Const(l.value(), l.dataType());
    }
    if (e instanceof Alias a) {
      return compile(a.child(), input, context);
    }
    if (e instanceof SortOrder s) {
      return compile(s.child(), input, context);
    }
    if (e instanceof Arithmetic a) {
      return new Evaluators.Arith(a.op(), a.dataType(), compile(a.left(), input, context),
          compile(a.right(), input, context));
    }
    if (e instanceof UnaryMinus u) {
      return new Evaluators.Negate(compile(u.child(), input, context));
    }
    if (e instanceof Comparison c) {
      return new Evaluators.Compare(c.op(), compile(c.left(), input, context), compile(c.right(), input, context));
    }
    if (e instanceof And a) {
      return new Evaluators.Logic(true, compile(a.left(), input, context), compile(a.right(), input, context));
    }
    if (e instanceof Or o) {
      return new Evaluators.Logic(false, compile(o.left(), input, context), compile(o.right(), input, context));
    }
    if (e instanceof Not n) {
      return new Evaluators.NotExpr(compile(n.child(), input, context));
    }
    if (e instanceof IsNull n) {
      return new Evaluators.NullCheck(true, compile(n.child(), input, context));
    }
    if (e instanceof IsNotNull n) {
      return new Evaluators.NullCheck(false, compile(n.child(), input, context));
    }
    if (e instanceof In in) {
      return new Evaluators.InList(compile(in.value(), input, context), compileAll(in.list(), input, context));
    }
    if (e instanceof CaseWhen cw) {
      return new Evaluators.CaseWhenExpr(cw.dataType(), compileAll(cw.conditions(), input, context),
          compileAll(cw.values(), input, context),
          cw.elseValue() == null ? null : compile(cw.elseValue(), input, context));
    }
    if (e instanceof Cast c) {
      BatchExpr child = compile(c.child(), input, context);
      if (child.isConstant()) {
        Object v = child.constantValue();
        return new Evaluators.Const(v == null ? null : Casts.convert(v, c.child().dataType(), c.dataType()),
            c.dataType());
      }
      return new Casts.CastExpr(child, c.dataType());
    }
    if (e instanceof Call call) {
      return Functions.compile(call.name(), call.dataType(), compileAll(call.args(), input, context), context);
    }
    throw new IllegalArgumentException("Cannot evaluate " + e + " (" + e.getClass().getSimpleName() + ")");
  }

  public static List<BatchExpr> compileAll(List<? extends Expression> exprs, List<AttributeRef> input,
      EvalContext context) {
    List<BatchExpr> out = new ArrayList<>(exprs.size());
    for (Expression e : exprs) {
      out.add(compile(e, input, context));
    }
    return out;
  }

  /** The value of an expression that reads no column. */
  public static Object evaluateConstant(Expression e) {
    BatchExpr compiled = compile(e, List.of(), EvalContext.DRIVER);
    ColumnVector v = compiled.eval(ColumnBatch.empty(1));
    return v.get(0);
  }

  /** The indices of rows where a predicate is true (not false, not null), and how many. */
  public static int select(BooleanVector predicate, int[] out) {
    boolean[] values = predicate.values();
    int n = predicate.size();
    int count = 0;
    if (!predicate.hasNulls()) {
      for (int i = 0; i < n; i++) {
        if (values[i]) {
          out[count++] = i;
        }
      }
    } else {
      boolean[] nulls = predicate.nulls();
      for (int i = 0; i < n; i++) {
        if (values[i] && !nulls[i]) {
          out[count++] = i;
        }
      }
    }
    return count;
  }
}
