package io.kindling;

import io.kindling.internal.lineage.TaskContext;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * A sum of longs that tasks add to and the driver reads ({@code session.longAccumulator(name)}). Each
 * successful partition's additions are applied once, so retried attempts never count twice (in actions;
 * as in Spark, a transformation recomputed for another job adds again).
 */
public final class LongAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final String name;
  private final boolean taskSide;
  private long sum;
  private long count;

  /** Made by the session; use {@code session.longAccumulator(name)}. */
  public LongAccumulator(long id, String name) {
    this(id, name, false);
  }

  private LongAccumulator(long id, String name, boolean taskSide) {
    this.id = id;
    this.name = name;
    this.taskSide = taskSide;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Adds {@code v}: inside a task, to that task's updates; on the driver, directly. */
  public void add(long v) {
    TaskContext task = TaskContext.get();
    if (taskSide && task != null) {
      task.accumulatorUpdates().addLong(id, v);
    } else {
      merge(v, 1);
    }
  }

  /** The sum so far, on the driver. */
  public synchronized Long value() {
    return sum;
  }

  public synchronized long sum() {
    return sum;
  }

  public synchronized long count() {
    return count;
  }

  /** The mean of the values added, or NaN when none was. */
  public synchronized double avg() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }

  public synchronized void reset() {
    sum = 0;
    count = 0;
  }

  /** Applies additions made elsewhere (by tasks); called by the runtime. */
  public synchronized void merge(long s, long c) {
    sum += s;
    count += c;
  }

  private Object writeReplace() throws ObjectStreamException {
    return new TaskSide(id, name);
  }

  @Override
  public String toString() {
    return "LongAccumulator(id: " + id + ", name: " + name + ", value: " + sum + ")";
  }

  /** The serialized form: a task gets a copy that records into its own updates. */
  private record TaskSide(long id, String name) implements Serializable {
    private Object readResolve() throws ObjectStreamException {
      return new LongAccumulator(id, name, true);
    }
  }
}
