package io.kindling.engine.task;

import io.kindling.Tuple2;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.TaskContextHolder;
import io.kindling.internal.lineage.UserCodeException;
import java.util.Iterator;

/**
 * Runs one task attempt: the stage's fused pipeline over one partition, ending in a shuffle write
 * (shuffle-map stage) or the action's function (result stage). User exceptions become
 * {@link TaskOutcome.Failed}; they are not crashes.
 */
public final class TaskRunner {
  private TaskRunner() {}

  /**
   * Runs {@code partition} of {@code stage}. {@code function} is the action's function, used only for the
   * result stage.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static TaskOutcome run(long jobId, Stage stage, int partition, int attempt,
      PartitionFunction<?, ?> function, NodeServices services) {
    NodeTaskContext context = new NodeTaskContext(jobId, stage.id(), partition, attempt, services);
    TaskContextHolder.set(context);
    try {
      Iterator<?> input = context.iterator(stage.node(), partition);
      Object value;
      if (stage.isShuffleMap()) {
        value = services.shuffle().write(stage.shuffleDependency(), partition,
            (Iterator<? extends Tuple2<?, ?>>) input, context);
      } else {
        value = ((PartitionFunction) function).apply(context, input);
      }
      return new TaskOutcome.Succeeded(value, context.accumulatorUpdates());
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      return new TaskOutcome.Failed(UserCodeException.unwrap(e));
    } finally {
      context.complete();
      TaskContextHolder.set(null);
    }
  }
}
