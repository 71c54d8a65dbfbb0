package io.kindling.engine.source;

import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines of text files, one partition per split. Files are listed and split on first use (so a missing
 * path fails at the first action, as in Spark) and the splits travel with the node, compactly encoded so that a
 * task decodes only its own. Splits of files on a file system with block locations (HDFS) prefer the hosts
 * that store them.
 */
public final class TextFileNode extends LineageNode<String> {
  private static final long serialVersionUID = 1L;

  private final String paths;
  private final int minPartitions;
  private final long maxSplitBytes;
  /** The splits, on the driver once listed. */
  private transient List<FileSplit> splits;
  /** The splits of a shipped copy. */
  private transient ShippedSplits shipped;
  /** Preferred hosts by partition, on the driver once asked. */
  private transient Map<Integer, List<String>> locations;

  public TextFileNode(int id, String callSite, String paths, int minPartitions, long maxSplitBytes) {
    super(id, callSite);
    this.paths = paths;
    this.minPartitions = minPartitions;
    this.maxSplitBytes = maxSplitBytes;
  }

  @Override
  public String kind() {
    return "HadoopRDD";
  }

  @Override
  public String label() {
    return paths;
  }

  @Override
  public int numPartitions() {
    ShippedSplits copy = shipped;
    return copy != null ? copy.count() : splits().size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  public Iterator<String> compute(int partition, TaskContext context) throws IOException {
    ShippedSplits copy = shipped;
    FileSplit split = copy != null ? copy.get(partition) : splits().get(partition);
    LineIterator lines = open(split);
    context.onTaskCompletion(lines);
    return lines;
  }

  /** The splits, listed on first call. */
  public synchronized List<FileSplit> splits() {
    if (splits == null) {
      splits = shipped != null ? shipped.all()
          : List.copyOf(FileSplitter.splitFiles(InputPaths.expandFiles(paths), minPartitions, maxSplitBytes));
    }
    return splits;
  }

  @Override
  public List<String> preferredLocations(int partition) {
    FileSplit split = splits().get(partition);
    if (FsPaths.isLocal(split.path())) {
      return List.of();
    }
    synchronized (this) {
      if (locations == null) {
        locations = new ConcurrentHashMap<>();
      }
    }
    return locations.computeIfAbsent(partition, p -> {
      try {
        return List.copyOf(FileSystemAdapters.forPath(split.path()).hosts(split.path(), split.start(),
            split.length()));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the block locations of " + split.path(), e);
      }
    });
  }

  static LineIterator open(FileSplit split) throws IOException {
    InputStream in = LineReader.openStream(split);
    return split.compressed() ? new LineIterator(in, 0, Long.MAX_VALUE)
        : new LineIterator(in, split.start(), split.end());
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    ShippedSplits encoded = shipped != null ? shipped : ShippedSplits.encode(splits());
    out.defaultWriteObject();
    out.writeObject(encoded.offsets());
    out.writeObject(encoded.data());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    shipped = new ShippedSplits((int[]) in.readObject(), (byte[]) in.readObject());
  }
}
