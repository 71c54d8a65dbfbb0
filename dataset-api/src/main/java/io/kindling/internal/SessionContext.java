package io.kindling.internal;

import com.typesafe.config.Config;
import io.kindling.JobFailedException;
import io.kindling.KindlingException;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.JobRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * What datasets need of their session: ids, settings, and the backend that runs their jobs. Internal; users
 * hold a {@link io.kindling.KindlingSession}.
 */
public final class SessionContext {
  private final String sessionId;
  private final SessionSettings settings;
  private final Config config;
  private final ListenerBus listeners;
  private final AccumulatorRegistry accumulators;
  private final AtomicInteger nextNodeId = new AtomicInteger();
  private final AtomicInteger nextShuffleId = new AtomicInteger();
  private final AtomicInteger nextBroadcastId = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final StorageRegistry storage = new StorageRegistry();
  private final SessionCounters counters;
  private final Checkpointer checkpointer = new Checkpointer(this);
  private final boolean parallelismConfigured;
  private volatile ExecutionBackend backend;

  public SessionContext(String sessionId, SessionSettings settings, Config config, ListenerBus listeners,
      AccumulatorRegistry accumulators) {
    this.sessionId = sessionId;
    this.settings = settings;
    this.config = config;
    this.listeners = listeners;
    this.accumulators = accumulators;
    this.counters = new SessionCounters(accumulators);
    this.parallelismConfigured = config.hasPath("kindling.default-parallelism")
        && config.getInt("kindling.default-parallelism") > 0;
    listeners.add(counters);
  }

  public void attach(ExecutionBackend backend) {
    this.backend = backend;
  }

  public String sessionId() {
    return sessionId;
  }

  /**
   * The session's settings. Unless {@code kindling.default-parallelism} is set, the default parallelism of a
   * session whose tasks run on other JVMs is the total of their cores (at least 2), as they are now, as Spark's
   * is the executors' total cores; in local mode it is {@code local[N]}'s N.
   */
  public SessionSettings settings() {
    ExecutionBackend b = backend;
    if (b != null && !parallelismConfigured) {
      java.util.OptionalInt workerCores = b.workerCores();
      if (workerCores.isPresent()) {
        return settings.withDefaultParallelism(Math.max(workerCores.getAsInt(), 2));
      }
    }
    return settings;
  }

  public Config config() {
    return config;
  }

  public ListenerBus listeners() {
    return listeners;
  }

  public AccumulatorRegistry accumulators() {
    return accumulators;
  }

  /** Which datasets are persisted or checkpointed. */
  public StorageRegistry storage() {
    return storage;
  }

  /** The counters behind {@code session.metrics()}. */
  public SessionCounters counters() {
    return counters;
  }

  /** The checkpoint directory ({@code kindling.checkpoint.dir}); fails clearly when it is not set. */
  public String checkpointDirectory() {
    return Checkpointer.directory(this);
  }

  public int nextNodeId() {
    return nextNodeId.getAndIncrement();
  }

  public int nextShuffleId() {
    return nextShuffleId.getAndIncrement();
  }

  /**
   * Releases the map outputs of {@code shuffleId} once {@code owner} (the lineage node that reads the shuffle)
   * is garbage-collected, unless the session stopped first (then everything is gone already).
   */
  public void releaseShuffleWhenUnreachable(Object owner, int shuffleId) {
    ShuffleCleaner.register(owner, new ShuffleRelease(this, shuffleId));
  }

  /** Releases one shuffle; refers to the context, never to the lineage node it watches. */
  private record ShuffleRelease(SessionContext context, int shuffleId) implements Runnable {
    @Override
    public void run() {
      ExecutionBackend b = context.backend;
      if (!context.isStopped() && b != null) {
        b.releaseShuffle(shuffleId);
      }
    }
  }

  public int nextBroadcastId() {
    return nextBroadcastId.getAndIncrement();
  }

  /** The backend, after checking the session still runs; {@code operation} names the caller in the error. */
  public ExecutionBackend backend(String operation) {
    if (stopped.get()) {
      throw new KindlingException("Cannot call " + operation + " on a stopped KindlingSession ('"
          + settings.appName() + "', " + sessionId + "). Build a new session with KindlingSession.builder().");
    }
    return backend;
  }

  public boolean isStopped() {
    return stopped.get();
  }

  /** Marks the session stopped; true only for the first call. */
  public boolean markStopped() {
    return stopped.compareAndSet(false, true);
  }

  /** Runs {@code fn} on every partition of {@code node}, waiting for the results. */
  public <T, U> List<U> runJob(LineageNode<T> node, PartitionFunction<T, U> fn, String action) {
    return runJob(node, IntStream.range(0, node.numPartitions()).toArray(), fn, action);
  }

  /** Runs {@code fn} on the given partitions of {@code node}, waiting for the results. */
  public <T, U> List<U> runJob(LineageNode<T> node, int[] partitions, PartitionFunction<T, U> fn, String action) {
    List<U> results = await(submitJob(node, partitions, fn, action));
    if (storage.hasMarkedForCheckpoint()) {
      checkpointer.afterJob(node, action);
    }
    return results;
  }

  public <T, U> CompletableFuture<List<U>> submitJob(LineageNode<T> node, int[] partitions,
      PartitionFunction<T, U> fn, String action) {
    ExecutionBackend b = backend(action);
    if (partitions.length == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    return b.submitJob(new JobRequest<>(node, partitions, fn, action, CallSites.userFrame()));
  }

  /**
   * Waits for a job and rethrows its failure from the caller's thread, so the stack trace shows the user's
   * action, with the runtime's exception as the cause's context.
   */
  public static <U> U await(CompletableFuture<U> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted while waiting for a job", e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  /** The exception an action throws for a job failure {@code t}, re-created on the caller's thread. */
  public static RuntimeException rethrowable(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof JobFailedException j) {
      JobFailedException here = new JobFailedException(j.getMessage(), j.getCause());
      here.addSuppressed(j);
      return here;
    }
    if (cause instanceof KindlingException k) {
      KindlingException here = new KindlingException(k.getMessage(), k.getCause());
      here.addSuppressed(k);
      return here;
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    return new KindlingException(String.valueOf(cause.getMessage()), cause);
  }
}
