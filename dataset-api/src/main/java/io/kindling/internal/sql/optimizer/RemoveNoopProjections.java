package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;

/**
 * Drops a projection that outputs exactly its child's columns, in order.
 *
 * <pre>
 * before: Project [a#1, b#2]      after: child [a#1, b#2]
 *         +- child [a#1, b#2]
 * </pre>
 */
public final class RemoveNoopProjections implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof ProjectNode project && project.projections().equals(project.child().output())
          && sameNames(project)) {
        return project.child();
      }
      return p;
    });
  }

  private static boolean sameNames(ProjectNode p) {
    for (int i = 0; i < p.projections().size(); i++) {
      if (!ProjectNode.toAttribute(p.projections().get(i)).name().equals(p.child().output().get(i).name())) {
        return false;
      }
    }
    return true;
  }
}
