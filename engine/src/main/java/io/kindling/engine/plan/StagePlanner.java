package io.kindling.engine.plan;

import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * Cuts lineage into stages at shuffle dependencies. Narrow dependencies stay inside a stage, so their
 * transformations run fused in one task per partition; each shuffle dependency becomes a parent shuffle-map
 * stage, shared when several paths reach it.
 */
public final class StagePlanner {
  private final IntSupplier stageIds;

  public StagePlanner(IntSupplier stageIds) {
    this.stageIds = stageIds;
  }

  /** The stages that compute {@code root}, parents first. */
  public JobPlan plan(LineageNode<?> root) {
    Map<Integer, Stage> byShuffle = new LinkedHashMap<>();
    List<Stage> ordered = new ArrayList<>();
    List<Stage> parents = parentStages(root, byShuffle, ordered);
    Stage result = new Stage(stageIds.getAsInt(), root, parents, null);
    ordered.add(result);
    return new JobPlan(ordered);
  }

  private List<Stage> parentStages(LineageNode<?> node, Map<Integer, Stage> byShuffle, List<Stage> ordered) {
    List<Stage> parents = new ArrayList<>();
    for (ShuffleDependency<?, ?, ?> dep : shuffleBoundaries(node)) {
      Stage stage = byShuffle.get(dep.shuffleId());
      if (stage == null) {
        List<Stage> grand = parentStages(dep.parent(), byShuffle, ordered);
        stage = new Stage(stageIds.getAsInt(), dep.parent(), grand, dep);
        byShuffle.put(dep.shuffleId(), stage);
        ordered.add(stage);
      }
      if (!parents.contains(stage)) {
        parents.add(stage);
      }
    }
    return parents;
  }

  /** The shuffle dependencies reachable from {@code node} through narrow dependencies only. */
  static List<ShuffleDependency<?, ?, ?>> shuffleBoundaries(LineageNode<?> node) {
    List<ShuffleDependency<?, ?, ?>> found = new ArrayList<>();
    walkNarrow(node, (reader, s) -> found.add(s));
    return found;
  }

  /**
   * The dataset that reads shuffle {@code shuffleId} within the stage ending at {@code node} (reachable through
   * narrow dependencies), or {@code node} itself when none does.
   */
  public static LineageNode<?> shuffleReader(LineageNode<?> node, int shuffleId) {
    LineageNode<?>[] reader = {node};
    walkNarrow(node, (r, s) -> {
      if (s.shuffleId() == shuffleId) {
        reader[0] = r;
      }
    });
    return reader[0];
  }

  /** Visits, depth first, each shuffle dependency reachable through narrow dependencies, with its reader. */
  private static void walkNarrow(LineageNode<?> node,
      BiConsumer<LineageNode<?>, ShuffleDependency<?, ?, ?>> onShuffle) {
    Set<Integer> visited = new HashSet<>();
    Deque<LineageNode<?>> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      LineageNode<?> current = todo.pop();
      if (!visited.add(current.id())) {
        continue;
      }
      List<Dependency> deps = current.dependencies();
      // Shuffles in dependency order (a join's left side first); narrow parents pushed in reverse so that
      // they, too, are visited in order.
      for (Dependency d : deps) {
        if (d instanceof ShuffleDependency<?, ?, ?> s) {
          onShuffle.accept(current, s);
        }
      }
      for (int i = deps.size() - 1; i >= 0; i--) {
        if (!(deps.get(i) instanceof ShuffleDependency<?, ?, ?>)) {
          todo.push(deps.get(i).parent());
        }
      }
    }
  }
}
