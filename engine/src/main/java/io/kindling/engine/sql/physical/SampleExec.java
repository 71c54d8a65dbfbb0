package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;
import java.util.Random;

/**
 * A random sample of each partition: Bernoulli without replacement, Poisson counts with replacement; the
 * generator of partition p is seeded with {@code seed + p}, so the same seed and partitioning give the same
 * sample.
 */
public final class SampleExec extends PhysicalPlan {
  private final double fraction;
  private final boolean withReplacement;
  private final long seed;
  private final PhysicalPlan child;

  public SampleExec(double fraction, boolean withReplacement, long seed, PhysicalPlan child) {
    this.fraction = fraction;
    this.withReplacement = withReplacement;
    this.seed = seed;
    this.child = child;
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
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
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    double f = fraction;
    boolean replace = withReplacement;
    long s = seed;
    return Lineages.map(context, context.lineage(child), "sample", (p, it) -> {
      Random random = new Random(s + p);
      return Lineages.mapNonNull(it, b -> sample(b, f, replace, random));
    });
  }

  static ColumnBatch sample(ColumnBatch b, double fraction, boolean withReplacement, Random random) {
    int n = b.numRows();
    int[] picked = new int[withReplacement ? Math.max(n, (int) Math.min(Integer.MAX_VALUE / 2,
        Math.ceil(n * fraction * 2) + 16)) : n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int times = withReplacement ? poisson(fraction, random) : (random.nextDouble() < fraction ? 1 : 0);
      for (int t = 0; t < times; t++) {
        if (count == picked.length) {
          picked = java.util.Arrays.copyOf(picked, picked.length * 2);
        }
        picked[count++] = i;
      }
    }
    return count == 0 ? null : b.gather(picked, count);
  }

  private static int poisson(double mean, Random random) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1.0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
