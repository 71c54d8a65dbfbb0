package io.kindling.engine.serial;

import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.PartitionFunction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The lineage and the result function that the job payload tests encode. */
final class Payloads {
  private Payloads() {}

  /** The result function of a count: a partition's number of elements. */
  static final PartitionFunction<Object, Long> COUNT = (ctx, it) -> {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  };

  /** The stages of a job over {@code node}. */
  static JobPlan plan(LineageNode<?> node) {
    return new StagePlanner(new AtomicInteger()::getAndIncrement).plan(node);
  }

  /** 1, 2, 3, 4 in two partitions (dataset 0). */
  static LineageNode<Integer> numbers() {
    return new ParallelCollectionNode<>(0, "parallelize at App.java:10", List.of(1, 2, 3, 4), 2);
  }
}
