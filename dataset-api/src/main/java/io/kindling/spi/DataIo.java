package io.kindling.spi;

import io.kindling.internal.lineage.LineageNode;

/** File sources and sinks, implemented by the engine. */
public interface DataIo {

  /**
   * A lineage node of the lines of the files at {@code paths} (a file, a directory, a glob, or several of those
   * comma-separated). Files are listed when the partitions are first needed, as Spark does, so a missing
   * path fails at the first action.
   */
  LineageNode<String> textFile(int id, String callSite, String paths, int minPartitions);

  /** Prepares an atomic text output at {@code path}; fails at once if the path already exists. */
  TextOutput createTextOutput(String path);
}
