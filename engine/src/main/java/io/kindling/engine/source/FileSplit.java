package io.kindling.engine.source;

import java.io.Serializable;

/** A byte range {@code [start, start + length)} of one file; compressed files are read whole. */
public record FileSplit(String path, long start, long length, boolean compressed) implements Serializable {

  public long end() {
    return start + length;
  }
}
