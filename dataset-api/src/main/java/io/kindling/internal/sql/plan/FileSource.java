package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * Files read as a DataFrame: the format ({@code csv}, {@code json}, {@code text}), its options, the columns
 * stored in the files ({@code dataSchema}) and those taken from partition directories
 * ({@code partitionSchema}), and the files found when the DataFrame was made.
 */
public record FileSource(String format, List<String> paths, Map<String, String> options, StructType dataSchema,
    StructType partitionSchema, List<SourceFile> files) {

  public FileSource {
    requireNonNull(format, "format is null");
    paths = List.copyOf(paths);
    options = Map.copyOf(options);
    requireNonNull(dataSchema, "dataSchema is null");
    requireNonNull(partitionSchema, "partitionSchema is null");
    files = List.copyOf(files);
  }

  /** The total size of the files. */
  public long sizeInBytes() {
    long total = 0;
    for (SourceFile f : files) {
      total += f.length();
    }
    return total;
  }
}
