package io.kindling.actors.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on another executor with a given context class loader, the one user classes resolve through when
 * a task decodes its job's lineage (a worker's application jars). Shutting it down leaves the delegate alone.
 */
final class ClassLoaderExecutor extends AbstractExecutorService {
  private final ExecutorService delegate;
  private final ClassLoader loader;
  private volatile boolean shutdown;

  ClassLoaderExecutor(ExecutorService delegate, ClassLoader loader) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.loader = requireNonNull(loader, "loader is null");
  }

  /** The class loader tasks run with. */
  ClassLoader loader() {
    return loader;
  }

  @Override
  public void execute(Runnable command) {
    delegate.execute(() -> {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        command.run();
      } finally {
        thread.setContextClassLoader(previous);
      }
    });
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }
}
