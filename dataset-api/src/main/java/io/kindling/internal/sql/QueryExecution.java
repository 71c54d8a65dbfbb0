package io.kindling.internal.sql;

import io.kindling.internal.sql.optimizer.Optimizer;
import io.kindling.internal.sql.plan.CacheEntry;
import io.kindling.internal.sql.plan.CachedNode;
import io.kindling.internal.sql.plan.LogicalPlan;

/** Turns an analyzed plan into the plan the engine runs: cached parts substituted, then optimized. */
public final class QueryExecution {
  private QueryExecution() {}

  /** {@code plan} with every cached sub-plan replaced by a read of the cache, then optimized. */
  public static LogicalPlan optimized(SqlContext context, LogicalPlan plan) {
    return optimizer(context).optimize(withCached(context, plan, null));
  }

  /** The optimized plan of a cache entry itself (other cached plans inside it are still substituted). */
  public static LogicalPlan optimizedForCaching(SqlContext context, CacheEntry entry) {
    return optimizer(context).optimize(withCached(context, entry.plan(), entry));
  }

  private static Optimizer optimizer(SqlContext context) {
    return new Optimizer(e -> context.engine().evaluateConstant(e),
        context.settings().autoBroadcastJoinThreshold());
  }

  private static LogicalPlan withCached(SqlContext context, LogicalPlan plan, CacheEntry self) {
    if (context.cacheEntries().isEmpty()) {
      return plan;
    }
    return plan.transformDown(p -> {
      if (p instanceof CachedNode) {
        return p;
      }
      CacheEntry entry = context.cached(p);
      return entry == null || entry == self ? p : new CachedNode(entry, p.output());
    });
  }
}
