package io.kindling.engine.sql;

import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.spi.DataFrameEngine;

/** Writes DataFrames as files (the formats layer writes; this runs the job and commits). */
final class FileSinks {
  private FileSinks() {}

  static void write(LogicalPlan plan, DataFrameEngine.WriteRequest request, SqlContext context) {
    throw new UnsupportedOperationException("Writing " + request.format() + " files is not available yet");
  }
}
