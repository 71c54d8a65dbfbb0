package io.kindling.internal.lineage;

/** The thread-local that makes {@link TaskContext#get()} work; set by the engine's task runner. */
public final class TaskContextHolder {
  static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

  private TaskContextHolder() {}

  /** Installs {@code context} for the current thread; pass null to clear. */
  public static void set(TaskContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }
}
