package io.kindling.engine.task;

import io.kindling.Tuple2;
import io.kindling.engine.plan.Stage;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.engine.storage.BlockManager;
import io.kindling.engine.storage.OwnedBlock;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.TaskContextHolder;
import io.kindling.internal.lineage.UserCodeException;
import java.util.Iterator;

/**
 * Runs one task attempt: the stage's fused pipeline over one partition, ending in a shuffle write
 * (shuffle-map stage) or the action's function (result stage). User exceptions become
 * {@link TaskOutcome.Failed}; they are not crashes. Map outputs found missing become
 * {@link TaskOutcome.FetchFailed}, even when user code caught or wrapped the failure.
 */
public final class TaskRunner {
  private TaskRunner() {}

  /**
   * Runs {@code partition} of {@code stage}. {@code function} is the action's function, used only for the
   * result stage.
   */
  public static TaskOutcome run(long jobId, Stage stage, int partition, int attempt,
      PartitionFunction<?, ?> function, NodeServices services) {
    return run(jobId, stage, partition, attempt, function, services, TaskEnv.none());
  }

  /**
   * Runs {@code partition} of {@code stage} in {@code env}: persisted datasets are read from (or stored in) the
   * node's block store, and the fault schedule may fire as the attempt starts.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static TaskOutcome run(long jobId, Stage stage, int partition, int attempt,
      PartitionFunction<?, ?> function, NodeServices services, TaskEnv env) {
    NodeTaskContext context = new NodeTaskContext(jobId, stage.id(), partition, attempt, stage.node(), services,
        env);
    TaskContextHolder.set(context);
    try {
      services.faults().onTaskStart(jobId, stage.id(), stage.node().id(), partition, attempt, env.incarnation(),
          env.crashActor());
      Iterator<?> input = stage.isShuffleMap() ? context.shuffleMapInput(stage.node(), partition)
          : context.iterator(stage.node(), partition);
      Object value;
      if (stage.isShuffleMap()) {
        value = services.shuffle().write(stage.shuffleDependency(), partition,
            (Iterator<? extends Tuple2<?, ?>>) input, context);
      } else {
        value = ((PartitionFunction) function).apply(context, input);
      }
      if (context.fetchFailure() != null) {
        return fetchFailed(context.fetchFailure());
      }
      return new TaskOutcome.Succeeded(value, context.accumulatorUpdates());
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      FetchFailedException lost = context.fetchFailure() != null ? context.fetchFailure()
          : FetchFailedException.find(e);
      return lost != null ? fetchFailed(lost) : new TaskOutcome.Failed(UserCodeException.unwrap(e));
    } finally {
      context.complete();
      TaskContextHolder.set(null);
    }
  }

  private static TaskOutcome fetchFailed(FetchFailedException e) {
    return new TaskOutcome.FetchFailed(e.shuffleId(), e.mapPartitions(), e.getMessage());
  }

  /**
   * Recomputes a cached block from its lineage for its restarted owner (no job: {@code crashOwner} crashes the
   * owner if a kill is armed on the partition). Returns true when the block had to be computed, false when it was
   * already there and intact.
   */
  public static boolean recoverBlock(OwnedBlock block, NodeServices services, Runnable crashOwner,
      int incarnation) throws Exception {
    BlockManager blocks = services.blocks();
    if (blocks.verify(block.id())) {
      return false;
    }
    TaskEnv env = new TaskEnv(block.persisted(), crashOwner, incarnation, 0);
    NodeTaskContext context = new NodeTaskContext(-1, -1, block.id().partition(), 0, block.node(), services, env);
    TaskContextHolder.set(context);
    try {
      context.iterator(block.node(), block.id().partition());
      return true;
    } finally {
      context.complete();
      TaskContextHolder.set(null);
    }
  }
}
