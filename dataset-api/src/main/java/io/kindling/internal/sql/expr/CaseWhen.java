package io.kindling.internal.sql.expr;

import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 … ELSE e END}; {@code elseValue} is null when there is no ELSE (the result is
 * then null when no condition holds). After analysis every value has the result type.
 */
public record CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue)
    implements Expression {

  public CaseWhen {
    conditions = List.copyOf(conditions);
    values = List.copyOf(values);
    if (conditions.isEmpty() || conditions.size() != values.size()) {
      throw new IllegalArgumentException("CASE WHEN needs as many values as conditions, and at least one");
    }
  }

  public CaseWhen withBranch(Expression condition, Expression value) {
    List<Expression> c = new ArrayList<>(conditions);
    List<Expression> v = new ArrayList<>(values);
    c.add(condition);
    v.add(value);
    return new CaseWhen(c, v, elseValue);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      all.add(conditions.get(i));
      all.add(values.get(i));
    }
    if (elseValue != null) {
      all.add(elseValue);
    }
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    List<Expression> c = new ArrayList<>();
    List<Expression> v = new ArrayList<>();
    int pairs = conditions.size();
    for (int i = 0; i < pairs; i++) {
      c.add(children.get(2 * i));
      v.add(children.get(2 * i + 1));
    }
    return new CaseWhen(c, v, children.size() > 2 * pairs ? children.get(2 * pairs) : null);
  }

  @Override
  public DataType dataType() {
    return values.get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return elseValue == null || elseValue.nullable() || values.stream().anyMatch(Expression::nullable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      sb.append(" WHEN ").append(conditions.get(i).sql()).append(" THEN ").append(values.get(i).sql());
    }
    if (elseValue != null) {
      sb.append(" ELSE ").append(elseValue.sql());
    }
    return sb.append(" END").toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      sb.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(values.get(i));
    }
    if (elseValue != null) {
      sb.append(" ELSE ").append(elseValue);
    }
    return sb.append(" END").toString();
  }
}
