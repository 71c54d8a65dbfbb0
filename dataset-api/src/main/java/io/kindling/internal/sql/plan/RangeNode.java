package io.kindling.internal.sql.plan;

import io.kindling.internal.sql.expr.AttributeRef;
import java.math.BigInteger;
import java.util.List;

/** {@code range(start, end, step, numPartitions)}: one non-null long column {@code id}. */
public record RangeNode(AttributeRef id, long start, long end, long step, int numPartitions) implements LogicalPlan {

  public RangeNode {
    if (step == 0) {
      throw new IllegalArgumentException("step must not be 0");
    }
    if (numPartitions < 1) {
      throw new IllegalArgumentException("numPartitions must be positive: " + numPartitions);
    }
  }

  /** The number of values, as Spark counts them (0 when the range is empty). */
  public long numElements() {
    BigInteger n = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
    BigInteger s = BigInteger.valueOf(step);
    if (n.signum() == 0 || n.signum() != s.signum()) {
      return 0;
    }
    BigInteger[] qr = n.divideAndRemainder(s);
    BigInteger count = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return count.bitLength() > 62 ? Long.MAX_VALUE : count.longValue();
  }

  @Override
  public List<AttributeRef> output() {
    return List.of(id);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return this;
  }

  @Override
  public String nodeName() {
    return "Range";
  }

  @Override
  public String argString() {
    return "(" + start + ", " + end + ", step=" + step + ", splits=Some(" + numPartitions + "))";
  }

  @Override
  public long sizeInBytes() {
    return Sizes.multiplyExact(numElements(), 8, Long.MAX_VALUE);
  }
}
