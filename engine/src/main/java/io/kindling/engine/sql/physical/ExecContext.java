package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.SessionContext;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.SqlSettings;
import java.util.IdentityHashMap;
import java.util.Map;

/** What building lineage from a physical plan needs: the session, the settings, and what was built already. */
public final class ExecContext {
  private final SqlContext sql;
  private final Map<PhysicalPlan, LineageNode<ColumnBatch>> built = new IdentityHashMap<>();

  public ExecContext(SqlContext sql) {
    this.sql = sql;
  }

  public SqlContext sql() {
    return sql;
  }

  public SessionContext session() {
    return sql.session();
  }

  public SqlSettings settings() {
    return sql.settings();
  }

  public int nextNodeId() {
    return sql.session().nextNodeId();
  }

  /** The lineage of {@code plan}, built once per context. */
  public LineageNode<ColumnBatch> lineage(PhysicalPlan plan) {
    LineageNode<ColumnBatch> node = built.get(plan);
    if (node == null) {
      node = plan.build(this);
      built.put(plan, node);
    }
    return node;
  }
}
