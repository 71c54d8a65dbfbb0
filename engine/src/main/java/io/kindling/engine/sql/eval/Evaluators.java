package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The evaluators of the core expressions. */
final class Evaluators {
  private Evaluators() {}

  /** A column of the input batch. */
  record Ref(int ordinal, DataType type) implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      return batch.column(ordinal);
    }
  }

  /** A literal. */
  record Const(Object value, DataType type) implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      return Vectors.constant(type, value, batch.numRows());
    }

    @Override
    public boolean isConstant() {
      return true;
    }

    @Override
    public Object constantValue() {
      return value;
    }
  }

  record Arith(Arithmetic.Op op, DataType type, BatchExpr left, BatchExpr right) implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      return ArithmeticKernels.apply(op, type, left.eval(batch), right.eval(batch), n);
    }
  }

  record Negate(BatchExpr child) implements BatchExpr {
    @Override
    public DataType type() {
      return child.type();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      ColumnVector v = child.eval(batch);
      int n = batch.numRows();
      if (v instanceof IntVector iv) {
        int[] a = iv.values();
        int[] c = new int[n];
        boolean narrowByte = v.type() == DataTypes.ByteType;
        boolean narrowShort = v.type() == DataTypes.ShortType;
        for (int i = 0; i < n; i++) {
          int x = -a[i];
          c[i] = narrowByte ? (byte) x : narrowShort ? (short) x : x;
        }
        return new IntVector(v.type(), c, Nulls.copy(v.nulls()), n);
      }
      if (v instanceof LongVector lv) {
        long[] a = lv.values();
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
          c[i] = -a[i];
        }
        return new LongVector(v.type(), c, Nulls.copy(v.nulls()), n);
      }
      if (v instanceof DoubleVector dv) {
        double[] a = dv.values();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
          c[i] = -a[i];
        }
        return new DoubleVector(c, Nulls.copy(v.nulls()), n);
      }
      float[] a = ((FloatVector) v).values();
      float[] c = new float[n];
      for (int i = 0; i < n; i++) {
        c[i] = -a[i];
      }
      return new FloatVector(c, Nulls.copy(v.nulls()), n);
    }
  }

  record Compare(Comparison.Op op, BatchExpr left, BatchExpr right) implements BatchExpr {
    @Override
    public DataType type() {
      return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      ColumnVector l = left.eval(batch);
      if (right.isConstant() && l instanceof StringVector s && s.isDictionary() && right.constantValue() != null) {
        return compareDictionary(s, (String) right.constantValue(), n);
      }
      ColumnVector r = right.eval(batch);
      boolean[] c = CompareKernels.apply(op, l, r, n);
      if (c == null) {
        c = new boolean[n];
        for (int i = 0; i < n; i++) {
          if (!l.isNull(i) && !r.isNull(i)) {
            c[i] = holds(Order.compareValues(l.get(i), r.get(i)));
          }
        }
      }
      if (op == Comparison.Op.EQ_NULL_SAFE) {
        if (l.hasNulls() || r.hasNulls()) {
          for (int i = 0; i < n; i++) {
            boolean ln = l.isNull(i);
            boolean rn = r.isNull(i);
            if (ln || rn) {
              c[i] = ln && rn;
            }
          }
        }
        return new BooleanVector(c, null, n);
      }
      return new BooleanVector(c, Nulls.union(l.nulls(), r.nulls(), n), n);
    }

    /** Compares each distinct string once, then maps the codes. */
    private ColumnVector compareDictionary(StringVector s, String constant, int n) {
      String[] dict = s.dictionary();
      boolean[] perCode = new boolean[dict.length];
      for (int d = 0; d < dict.length; d++) {
        perCode[d] = op == Comparison.Op.EQ || op == Comparison.Op.EQ_NULL_SAFE ? dict[d].equals(constant)
            : holds(Order.compareStrings(dict[d], constant));
      }
      int[] codes = s.codes();
      boolean[] c = new boolean[n];
      for (int i = 0; i < n; i++) {
        // A null's code means nothing (a vector of nulls only has an empty dictionary).
        c[i] = !s.isNull(i) && perCode[codes[i]];
      }
      if (op == Comparison.Op.EQ_NULL_SAFE) {
        return new BooleanVector(c, null, n);
      }
      return new BooleanVector(c, Nulls.copy(s.nulls()), n);
    }

    private boolean holds(int cmp) {
      return switch (op) {
        case EQ, EQ_NULL_SAFE -> cmp == 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
      };
    }
  }

  /** Three-valued AND / OR. */
  record Logic(boolean isAnd, BatchExpr left, BatchExpr right) implements BatchExpr {
    @Override
    public DataType type() {
      return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      BooleanVector l = (BooleanVector) left.eval(batch);
      BooleanVector r = (BooleanVector) right.eval(batch);
      boolean[] a = l.values();
      boolean[] b = r.values();
      boolean[] c = new boolean[n];
      if (!l.hasNulls() && !r.hasNulls()) {
        for (int i = 0; i < n; i++) {
          c[i] = isAnd ? a[i] && b[i] : a[i] || b[i];
        }
        return new BooleanVector(c, null, n);
      }
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        boolean ln = l.isNull(i);
        boolean rn = r.isNull(i);
        if (isAnd) {
          if ((!ln && !a[i]) || (!rn && !b[i])) {
            c[i] = false;
          } else if (ln || rn) {
            nulls[i] = true;
          } else {
            c[i] = true;
          }
        } else {
          if ((!ln && a[i]) || (!rn && b[i])) {
            c[i] = true;
          } else if (ln || rn) {
            nulls[i] = true;
          } else {
            c[i] = false;
          }
        }
      }
      return new BooleanVector(c, nulls, n);
    }
  }

  record NotExpr(BatchExpr child) implements BatchExpr {
    @Override
    public DataType type() {
      return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      BooleanVector v = (BooleanVector) child.eval(batch);
      boolean[] a = v.values();
      boolean[] c = new boolean[n];
      for (int i = 0; i < n; i++) {
        c[i] = !a[i];
      }
      return new BooleanVector(c, Nulls.copy(v.nulls()), n);
    }
  }

  record NullCheck(boolean wantNull, BatchExpr child) implements BatchExpr {
    @Override
    public DataType type() {
      return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      ColumnVector v = child.eval(batch);
      boolean[] c = new boolean[n];
      for (int i = 0; i < n; i++) {
        c[i] = v.isNull(i) == wantNull;
      }
      return new BooleanVector(c, null, n);
    }
  }

  /** {@code value IN (list)}: null when there is no match and the value or a list entry is null. */
  static final class InList implements BatchExpr {
    private final BatchExpr value;
    private final List<BatchExpr> list;
    private final Set<Object> constants;
    private final boolean constantNull;

    InList(BatchExpr value, List<BatchExpr> list) {
      this.value = value;
      this.list = list;
      boolean allConst = list.stream().allMatch(BatchExpr::isConstant);
      if (allConst) {
        constants = new HashSet<>();
        boolean sawNull = false;
        for (BatchExpr e : list) {
          Object v = e.constantValue();
          if (v == null) {
            sawNull = true;
          } else {
            constants.add(Keys.normalize(v));
          }
        }
        constantNull = sawNull;
      } else {
        constants = null;
        constantNull = false;
      }
    }

    @Override
    public DataType type() {
      return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      ColumnVector v = value.eval(batch);
      boolean[] c = new boolean[n];
      boolean[] nulls = new boolean[n];
      if (constants != null) {
        for (int i = 0; i < n; i++) {
          if (v.isNull(i)) {
            nulls[i] = true;
          } else if (constants.contains(Keys.normalize(v.get(i)))) {
            c[i] = true;
          } else if (constantNull) {
            nulls[i] = true;
          }
        }
        return new BooleanVector(c, nulls, n);
      }
      ColumnVector[] vs = new ColumnVector[list.size()];
      for (int k = 0; k < vs.length; k++) {
        vs[k] = list.get(k).eval(batch);
      }
      for (int i = 0; i < n; i++) {
        if (v.isNull(i)) {
          nulls[i] = true;
          continue;
        }
        Object x = v.get(i);
        boolean sawNull = false;
        for (ColumnVector candidate : vs) {
          if (candidate.isNull(i)) {
            sawNull = true;
          } else if (Order.equalValues(x, candidate.get(i))) {
            c[i] = true;
            break;
          }
        }
        if (!c[i] && sawNull) {
          nulls[i] = true;
        }
      }
      return new BooleanVector(c, nulls, n);
    }
  }

  /** CASE WHEN: conditions in order, the first true one picks its value; null conditions count as false. */
  static final class CaseWhenExpr implements BatchExpr {
    private final DataType type;
    private final List<BatchExpr> conditions;
    private final List<BatchExpr> values;
    private final BatchExpr elseValue;
    private final String[] dictionary;

    CaseWhenExpr(DataType type, List<BatchExpr> conditions, List<BatchExpr> values, BatchExpr elseValue) {
      this.type = type;
      this.conditions = conditions;
      this.values = values;
      this.elseValue = elseValue;
      this.dictionary = constantStrings();
    }

    /** When every branch is a constant string, the result is dictionary-encoded by branch. */
    private String[] constantStrings() {
      if (!type.equals(DataTypes.StringType)) {
        return null;
      }
      String[] dict = new String[values.size() + 1];
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isConstant() || values.get(i).constantValue() == null) {
          return null;
        }
        dict[i] = (String) values.get(i).constantValue();
      }
      if (elseValue != null) {
        if (!elseValue.isConstant()) {
          return null;
        }
        dict[values.size()] = (String) elseValue.constantValue();
      }
      return dict;
    }

    @Override
    public DataType type() {
      return type;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      int[] branch = new int[n];
      java.util.Arrays.fill(branch, -1);
      int remaining = n;
      for (int b = 0; b < conditions.size() && remaining > 0; b++) {
        BooleanVector c = (BooleanVector) conditions.get(b).eval(batch);
        boolean[] cv = c.values();
        for (int i = 0; i < n; i++) {
          if (branch[i] < 0 && cv[i] && !c.isNull(i)) {
            branch[i] = b;
            remaining--;
          }
        }
      }
      int elseBranch = conditions.size();
      if (dictionary != null) {
        boolean[] nulls = null;
        String elseConst = elseValue == null ? null : (String) elseValue.constantValue();
        for (int i = 0; i < n; i++) {
          if (branch[i] < 0) {
            branch[i] = elseBranch;
            if (elseConst == null) {
              nulls = Nulls.set(nulls, i, n);
            }
          }
        }
        return StringVector.dictionary(dictionary.clone(), branch, nulls, n);
      }
      ColumnVector[] vs = new ColumnVector[values.size()];
      for (int b = 0; b < vs.length; b++) {
        vs[b] = values.get(b).eval(batch);
      }
      ColumnVector ev = elseValue == null ? null : elseValue.eval(batch);
      VectorBuilder out = VectorBuilder.forType(type, n);
      for (int i = 0; i < n; i++) {
        int b = branch[i];
        if (b >= 0) {
          out.appendFrom(vs[b], i);
        } else if (ev != null) {
          out.appendFrom(ev, i);
        } else {
          out.appendNull();
        }
      }
      return out.build();
    }
  }

  /** The first non-null value of the arguments. */
  record Coalesce(DataType type, List<BatchExpr> args) implements BatchExpr {
    @Override
    public ColumnVector eval(ColumnBatch batch) {
      int n = batch.numRows();
      ColumnVector first = args.get(0).eval(batch);
      if (!first.hasNulls()) {
        return first;
      }
      ColumnVector[] vs = new ColumnVector[args.size()];
      vs[0] = first;
      for (int k = 1; k < vs.length; k++) {
        vs[k] = args.get(k).eval(batch);
      }
      VectorBuilder out = VectorBuilder.forType(type, n);
      for (int i = 0; i < n; i++) {
        boolean done = false;
        for (ColumnVector v : vs) {
          if (!v.isNull(i)) {
            out.appendFrom(v, i);
            done = true;
            break;
          }
        }
        if (!done) {
          out.appendNull();
        }
      }
      return out.build();
    }
  }
}
