package io.kindling.engine.task;

import io.kindling.engine.plan.Stage;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;
import java.util.ArrayList;
import java.util.List;

/** Runs lineage partitions in the test's thread, without actors. */
public final class Tasks {
  private Tasks() {}

  /** The elements of one partition of {@code node}, failing with the task's exception if it throws. */
  public static <T> List<T> compute(LineageNode<T> node, int partition) {
    PartitionFunction<T, List<T>> collect = (ctx, it) -> {
      List<T> out = new ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    };
    TaskOutcome outcome = run(node, partition, 0, collect);
    if (outcome instanceof TaskOutcome.Failed f) {
      throw new AssertionError("partition " + partition + " failed", f.cause());
    }
    @SuppressWarnings("unchecked")
    List<T> value = (List<T>) ((TaskOutcome.Succeeded) outcome).value();
    return value;
  }

  /** Every element of {@code node}, partition by partition. */
  public static <T> List<T> computeAll(LineageNode<T> node) {
    List<T> all = new ArrayList<>();
    for (int p = 0; p < node.numPartitions(); p++) {
      all.addAll(compute(node, p));
    }
    return all;
  }

  public static <T, U> TaskOutcome run(LineageNode<T> node, int partition, int attempt,
      PartitionFunction<T, U> function) {
    return TaskRunner.run(1, new Stage(0, node, List.of(), null), partition, attempt, function,
        new NodeServices(ShuffleService.unsupported()));
  }
}
