package io.kindling.rdd;

import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders lineage as Spark's {@code toDebugString()} does: {@code (N)} partitions on the first line, one line
 * per dataset, {@code |} continuing a stage and {@code +-(N)} opening the parent stage across a shuffle.
 */
final class DebugString {
  private DebugString() {}

  static String of(LineageNode<?> root, Function<LineageNode<?>, StorageLevel> levels) {
    return of(root, levels, n -> n);
  }

  /**
   * As {@link #of(LineageNode, Function)}, with each node replaced by {@code substitute(node)} first: a
   * checkpointed dataset's lineage ends at its checkpoint.
   */
  static String of(LineageNode<?> root, Function<LineageNode<?>, StorageLevel> levels,
      Function<LineageNode<?>, LineageNode<?>> substitute) {
    root = substitute.apply(root);
    List<String> lines = new ArrayList<>();
    String count = "(" + root.numPartitions() + ")";
    lines.add(count + " " + self(root, levels));
    children(root, continuation("", count), lines, levels, substitute);
    return String.join("\n", lines);
  }

  private static String self(LineageNode<?> node, Function<LineageNode<?>, StorageLevel> levels) {
    String label = node.label().isEmpty() ? "" : node.label() + " ";
    StorageLevel level = levels.apply(node);
    String storage = level == StorageLevel.NONE ? "[]" : level.debugDescription();
    return label + node.describe() + " " + storage;
  }

  /** The prefix of lines under a node whose partition count is printed as {@code count}. */
  private static String continuation(String base, String count) {
    int left = (count.length() - 1) / 2;
    return base + " ".repeat(left) + "|" + " ".repeat(count.length() - left);
  }

  private static void children(LineageNode<?> node, String prefix, List<String> lines,
      Function<LineageNode<?>, StorageLevel> levels, Function<LineageNode<?>, LineageNode<?>> substitute) {
    List<Dependency> deps = node.dependencies();
    for (int i = 0; i < deps.size(); i++) {
      Dependency d = deps.get(i);
      boolean last = i == deps.size() - 1;
      LineageNode<?> parent = substitute.apply(d.parent());
      if (d instanceof ShuffleDependency<?, ?, ?>) {
        shuffleParent(parent, prefix, last, lines, levels, substitute);
      } else {
        lines.add(prefix + self(parent, levels));
        children(parent, prefix, lines, levels, substitute);
      }
    }
  }

  private static void shuffleParent(LineageNode<?> parent, String prefix, boolean last, List<String> lines,
      Function<LineageNode<?>, StorageLevel> levels, Function<LineageNode<?>, LineageNode<?>> substitute) {
    String count = "(" + parent.numPartitions() + ")";
    String here = prefix.replaceAll("\\|\\s+$", "");
    lines.add(here + "+-" + count + " " + self(parent, levels));
    children(parent, continuation(here + (last ? "  " : "| "), count), lines, levels, substitute);
  }
}
