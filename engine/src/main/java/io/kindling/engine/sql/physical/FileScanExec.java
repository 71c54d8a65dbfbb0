package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.FileScanNode;
import java.util.List;

/** Reads files of a format into batches (the formats layer parses; this operator plans splits and filters). */
public final class FileScanExec extends PhysicalPlan {
  private final FileScanNode scan;

  public FileScanExec(FileScanNode scan) {
    this.scan = scan;
  }

  @Override
  public List<AttributeRef> output() {
    return scan.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "FileScan " + scan.source().format();
  }

  @Override
  public String argString() {
    return scan.argString();
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    throw new UnsupportedOperationException("Reading " + scan.source().format() + " files is not available yet");
  }
}
