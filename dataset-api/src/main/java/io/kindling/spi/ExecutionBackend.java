package io.kindling.spi;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** Runs jobs for one session. Implemented by the actors runtime. */
public interface ExecutionBackend extends AutoCloseable {

  /**
   * Runs {@code request.function()} on each requested partition of {@code request.node()} and completes with
   * the results in the order of {@code request.partitions()}. Fails with a
   * {@link io.kindling.JobFailedException} when a partition keeps failing, or a
   * {@link io.kindling.KindlingException} when the job can't be started (e.g. a closure is not serializable).
   */
  <T, U> CompletableFuture<List<U>> submitJob(JobRequest<T, U> request);

  /**
   * The cores of the nodes that run this session's tasks when they are other JVMs (the workers of a cluster, as
   * they are now); empty when tasks run in the session's own JVM on {@code local[N]}'s cores.
   */
  default OptionalInt workerCores() {
    return OptionalInt.empty();
  }

  /**
   * Forgets the map outputs of shuffle {@code shuffleId}: no dataset that reads it is reachable any more. Called
   * from a cleaner thread, at most once per shuffle; a backend without shuffles ignores it.
   */
  default void releaseShuffle(int shuffleId) {}

  /**
   * Moves cached blocks between nodes so that each holds about as many (cluster mode, e.g. onto workers that
   * joined); returns when the moves are done. A backend with one node has nothing to do.
   */
  default void rebalance() {}

  /** File sources and sinks. */
  DataIo io();

  /**
   * Removes every cached block of dataset {@code rddId} from the nodes (and stops their owners); waits until
   * they are gone when {@code blocking}.
   */
  default void unpersist(int rddId, boolean blocking) {}

  /** The fault injector behind {@code session.faults()}. */
  default FaultInjection faults() {
    throw new UnsupportedOperationException("this backend does not support fault injection");
  }

  /** Reliable checkpoint files, for {@code rdd.checkpoint()}. */
  default CheckpointIo checkpoints() {
    throw new UnsupportedOperationException("this backend does not support checkpoints");
  }

  /** Stops everything this backend started; idempotent. */
  @Override
  void close();
}
