package io.kindling.internal;

import io.kindling.JobListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Delivers job events to a session's listeners, in order, on the caller's thread. A listener that throws is
 * logged and skipped: a broken listener never fails a job.
 */
public final class ListenerBus {
  private static final System.Logger LOG = System.getLogger(ListenerBus.class.getName());

  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Boolean> delivering = new ThreadLocal<>();

  public void add(JobListener listener) {
    listeners.add(listener);
  }

  public void remove(JobListener listener) {
    listeners.remove(listener);
  }

  public <E> void post(E event, BiConsumer<JobListener, E> delivery) {
    delivering.set(Boolean.TRUE);
    try {
      for (JobListener listener : listeners) {
        try {
          delivery.accept(listener, event);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "Job listener " + listener + " failed on " + event, e);
        }
      }
    } finally {
      delivering.remove();
    }
  }

  /** True on a thread that is delivering one of this bus's events (inside a listener). */
  public boolean isDeliveringOnThisThread() {
    return delivering.get() != null;
  }

  public void jobStarted(JobListener.JobStarted e) {
    post(e, JobListener::onJobStarted);
  }

  public void stageSubmitted(JobListener.StageSubmitted e) {
    post(e, JobListener::onStageSubmitted);
  }

  public void partitionCompleted(JobListener.PartitionCompleted e) {
    post(e, JobListener::onPartitionCompleted);
  }

  public void partitionFailed(JobListener.PartitionFailed e) {
    post(e, JobListener::onPartitionFailed);
  }

  public void stageCompleted(JobListener.StageCompleted e) {
    post(e, JobListener::onStageCompleted);
  }

  public void jobEnded(JobListener.JobEnded e) {
    post(e, JobListener::onJobEnded);
  }

  public void faultInjected(JobListener.FaultInjected e) {
    post(e, JobListener::onFaultInjected);
  }

  public void partitionRecomputed(JobListener.PartitionRecomputed e) {
    post(e, JobListener::onPartitionRecomputed);
  }

  public void blockRecovered(JobListener.BlockRecovered e) {
    post(e, JobListener::onBlockRecovered);
  }
}
