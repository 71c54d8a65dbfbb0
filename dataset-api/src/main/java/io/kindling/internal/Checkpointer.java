package io.kindling.internal;

import io.kindling.KindlingException;
import io.kindling.internal.lineage.CheckpointedNode;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.CheckpointIo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes the datasets marked with {@code checkpoint()} after the first job that computes them, as Spark does:
 * a separate job writes every partition under {@code kindling.checkpoint.dir}, then the dataset's lineage is cut
 * (later jobs read the files instead of computing the dataset's ancestors).
 */
final class Checkpointer {
  private final SessionContext session;
  private final String runDirectory = UUID.randomUUID().toString();

  Checkpointer(SessionContext session) {
    this.session = session;
  }

  /** The checkpoint directory from the config; fails clearly when it is not set. */
  static String directory(SessionContext session) {
    String dir = session.config().hasPath("kindling.checkpoint.dir")
        ? session.config().getString("kindling.checkpoint.dir").trim() : "";
    if (dir.isEmpty()) {
      throw new KindlingException("Checkpoint directory has not been set: set kindling.checkpoint.dir, e.g. "
          + "KindlingSession.builder().config(\"kindling.checkpoint.dir\", \"/tmp/checkpoints\")");
    }
    return dir;
  }

  /** Joins path strings without java.nio, which would mangle URIs such as {@code hdfs://namenode/dir}. */
  private static String join(String dir, String child) {
    return dir.endsWith("/") ? dir + child : dir + "/" + child;
  }

  /** Checkpoints the marked datasets that the job just run on {@code root} computed. */
  void afterJob(LineageNode<?> root, String action) {
    StorageRegistry storage = session.storage();
    for (LineageNode<?> node : pending(root, storage)) {
      write(node, action);
    }
  }

  /** Marked, not yet written datasets in {@code root}'s lineage, stopping at each one (as Spark does). */
  private static List<LineageNode<?>> pending(LineageNode<?> root, StorageRegistry storage) {
    List<LineageNode<?>> found = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Deque<LineageNode<?>> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      LineageNode<?> node = todo.pop();
      if (!seen.add(node.id()) || storage.isCheckpointed(node.id())) {
        continue;
      }
      if (storage.isMarkedForCheckpoint(node.id())) {
        found.add(node);
        continue;
      }
      for (Dependency d : node.dependencies()) {
        todo.push(d.parent());
      }
    }
    return found;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void write(LineageNode<?> node, String action) {
    CheckpointIo io = session.backend("checkpoint").checkpoints();
    String dir = join(join(directory(session), runDirectory), "rdd-" + node.id());
    int[] all = IntStream.range(0, node.numPartitions()).toArray();
    PartitionFunction<Object, Long> writer = io.writer(dir);
    SessionContext.await(session.submitJob((LineageNode) node, all, (PartitionFunction) writer, "checkpoint"));
    io.commit(dir, node);
    LineageNode<?> reader = io.reader(session.nextNodeId(), CallSites.of(action), dir, node);
    session.storage().checkpointed(new CheckpointedNode(node, reader), dir);
  }
}
