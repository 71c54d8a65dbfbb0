package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** A random sample of the rows, the same for the same seed. */
public record SampleNode(double fraction, boolean withReplacement, long seed, LogicalPlan child)
    implements LogicalPlan {

  public SampleNode {
    requireNonNull(child, "child is null");
    if (fraction < 0 || Double.isNaN(fraction) || (!withReplacement && fraction > 1)) {
      throw new IllegalArgumentException("Sampling fraction (" + fraction + ") must be on interval [0, 1]"
          + (withReplacement ? " or above 1 with replacement" : " without replacement"));
    }
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return new SampleNode(fraction, withReplacement, seed, children.get(0));
  }

  @Override
  public String nodeName() {
    return "Sample";
  }

  @Override
  public String argString() {
    return "0.0, " + fraction + ", " + withReplacement + ", " + seed;
  }

  @Override
  public long sizeInBytes() {
    return (long) Math.ceil(child.sizeInBytes() * Math.min(fraction, 1e6));
  }
}
