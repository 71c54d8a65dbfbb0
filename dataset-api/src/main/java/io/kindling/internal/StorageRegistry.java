package io.kindling.internal;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.CheckpointedNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's storage decisions about its datasets, by dataset id: which are persisted and at what level, which
 * are marked for checkpointing, and which have been checkpointed (with the node that replaces them). Lineage
 * nodes are immutable and shared, so this is where {@code persist()} and {@code checkpoint()} leave their mark;
 * each job carries a snapshot of the levels to the nodes.
 */
public final class StorageRegistry {
  private final Map<Integer, StorageLevel> levels = new ConcurrentHashMap<>();
  private final Map<Integer, LineageNode<?>> marked = new ConcurrentHashMap<>();
  private final Map<Integer, CheckpointedNode<?>> checkpointed = new ConcurrentHashMap<>();
  private final Map<Integer, String> checkpointFiles = new ConcurrentHashMap<>();

  /** {@link StorageLevel#NONE} unless dataset {@code id} is persisted. */
  public StorageLevel level(int id) {
    return levels.getOrDefault(id, StorageLevel.NONE);
  }

  /**
   * Persists dataset {@code id} at {@code level}; as in Spark, a level once assigned can't be changed (unpersist
   * first).
   */
  public synchronized void persist(int id, StorageLevel level, String dataset) {
    requireNonNull(level, "level is null");
    StorageLevel current = level(id);
    if (current != StorageLevel.NONE && current != level) {
      throw new UnsupportedOperationException("Cannot change storage level of an RDD after it was already "
          + "assigned a level: " + dataset + " is persisted at " + current + "; call unpersist() first to use "
          + level);
    }
    if (level == StorageLevel.NONE) {
      levels.remove(id);
    } else {
      levels.put(id, level);
    }
  }

  /** Forgets dataset {@code id}'s level; true when it was persisted. */
  public boolean unpersist(int id) {
    return levels.remove(id) != null;
  }

  /** Every persisted dataset's level, as a job ships them. */
  public Map<Integer, StorageLevel> persistedLevels() {
    return Map.copyOf(levels);
  }

  /** Marks {@code node} to be checkpointed after the next job that computes it. */
  public void markForCheckpoint(LineageNode<?> node) {
    if (!checkpointed.containsKey(node.id())) {
      marked.putIfAbsent(node.id(), node);
    }
  }

  /** True when some dataset waits to be checkpointed after its next job. */
  public boolean hasMarkedForCheckpoint() {
    return !marked.isEmpty();
  }

  public boolean isMarkedForCheckpoint(int id) {
    return marked.containsKey(id);
  }

  /** Records that dataset {@code replacement.id()} was checkpointed: jobs use {@code replacement} from now on. */
  public void checkpointed(CheckpointedNode<?> replacement, String directory) {
    checkpointFiles.put(replacement.id(), directory);
    checkpointed.put(replacement.id(), replacement);
    marked.remove(replacement.id());
  }

  public boolean isCheckpointed(int id) {
    return checkpointed.containsKey(id);
  }

  /** The directory dataset {@code id} was checkpointed to, if it was. */
  public Optional<String> checkpointFile(int id) {
    return Optional.ofNullable(checkpointFiles.get(id));
  }

  /** True when some dataset of the session was checkpointed, so lineage may need cutting. */
  public boolean hasCheckpoints() {
    return !checkpointed.isEmpty();
  }

  /** The node that stands for {@code node} in jobs: its checkpointed replacement, or itself. */
  @SuppressWarnings("unchecked")
  public <T> LineageNode<T> substitute(LineageNode<T> node) {
    CheckpointedNode<?> replacement = checkpointed.get(node.id());
    return replacement == null ? node : (LineageNode<T>) replacement;
  }
}
