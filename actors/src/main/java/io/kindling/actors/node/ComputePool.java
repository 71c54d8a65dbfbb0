package io.kindling.actors.node;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dedicated threads that compute partitions, one per core of the node ({@code local[N]}): task bodies block
 * and burn CPU, so they never run on Akka's dispatchers. Threads are daemons and end when the pool is closed.
 */
public final class ComputePool implements AutoCloseable {
  private static final long STACK_BYTES = 64L << 20;

  private final ThreadPoolExecutor executor;

  public ComputePool(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = r -> {
      // A deep stack: decoding a long lineage and pulling its nested iterators recurse once per dataset.
      Thread t = new Thread(null, r, "kindling-compute-" + name + "-" + counter.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
    this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        factory);
    executor.allowCoreThreadTimeOut(true);
  }

  public ExecutorService executor() {
    return executor;
  }

  /** Stops the threads, waiting for running tasks up to a few seconds. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
