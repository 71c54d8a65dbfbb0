package io.kindling.engine.io;

import com.typesafe.config.Config;
import io.kindling.engine.sink.AtomicTextOutput;
import io.kindling.engine.source.TextFileNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.spi.DataIo;
import io.kindling.spi.TextOutput;

/** The engine's file sources and sinks, configured from {@code kindling.input}. */
public final class EngineDataIo implements DataIo {
  private final long maxSplitBytes;

  public EngineDataIo(Config config) {
    this.maxSplitBytes = config.getBytes("kindling.input.max-split-bytes");
    if (maxSplitBytes < 1) {
      throw new IllegalArgumentException("kindling.input.max-split-bytes must be positive: " + maxSplitBytes);
    }
  }

  @Override
  public LineageNode<String> textFile(int id, String callSite, String paths, int minPartitions) {
    return new TextFileNode(id, callSite, paths, minPartitions, maxSplitBytes);
  }

  @Override
  public TextOutput createTextOutput(String path) {
    return AtomicTextOutput.create(path);
  }
}
