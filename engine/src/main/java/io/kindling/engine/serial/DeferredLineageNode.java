package io.kindling.engine.serial;

import io.kindling.Partitioner;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A persisted dataset as it travels in a job payload: its id, names and partition count as they are, and the rest
 * (its functions and its whole ancestry) as serialized bytes, read only when a task has to compute one of its
 * partitions because the cached block is not there. A task that finds its input cached never decodes the lineage
 * behind the cache. Each task decodes its own payload, so each gets its own copy of that lineage, as before.
 */
final class DeferredLineageNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String label;
  private final int numPartitions;
  private final byte[] bytes;
  /** Resolves the deferred classes as the payload's own were: the context class loader of the thread that read it. */
  private transient ClassLoader loader;
  private transient volatile LineageNode<T> node;

  DeferredLineageNode(LineageNode<T> node, byte[] bytes) {
    super(node.id(), node.callSite());
    this.kind = node.kind();
    this.label = node.label();
    this.numPartitions = node.numPartitions();
    this.bytes = bytes;
    this.node = node;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return node().dependencies();
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) throws Exception {
    return node().compute(partition, context);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return node().partitioner();
  }

  @Override
  public List<String> preferredLocations(int partition) {
    return node().preferredLocations(partition);
  }

  /** The dataset itself, decoded on first use. */
  @SuppressWarnings("unchecked")
  LineageNode<T> node() {
    LineageNode<T> n = node;
    if (n == null) {
      synchronized (this) {
        n = node;
        if (n == null) {
          n = (LineageNode<T>) ClosureSerializer.decodeNode(bytes, loader, describe());
          node = n;
        }
      }
    }
    return n;
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    loader = Thread.currentThread().getContextClassLoader();
  }
}
