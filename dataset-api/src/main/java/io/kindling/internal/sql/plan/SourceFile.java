package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One input file of a file scan, with the values of its partition directories ({@code year=2024/}). */
public record SourceFile(String path, long length, List<Object> partitionValues) {

  public SourceFile {
    requireNonNull(path, "path is null");
    partitionValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partitionValues));
  }
}
