package io.kindling.engine.format;

import io.kindling.KindlingException;
import io.kindling.engine.source.FileSplit;
import io.kindling.sql.types.StructType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A file format that another module provides (Parquet, in kindling-hadoop), found by name with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.kindling.engine.format.ExternalFormat}), so that the
 * DataFrame reader and writer can use it without the engine depending on that module. Implementations are
 * stateless and thread-safe; what they return is used on one thread.
 */
public interface ExternalFormat {

  /** The formats the engine reads and writes itself; any other name is looked up as an external format. */
  Set<String> BUILT_IN = Set.of("csv", "json", "text");

  /** The format's name as {@code DataFrameReader.format(..)} takes it: {@code parquet}. */
  String name();

  /**
   * The data schema of {@code files} (full paths, of any file system with an adapter), read from the files
   * themselves (footers), as the options say (e.g. {@code mergeSchema}).
   */
  StructType inferSchema(List<String> files, FormatOptions options);

  /**
   * A reader of splits of files whose columns are {@code dataSchema}, producing the columns of
   * {@code requiredSchema} (column pruning) and skipping what {@code filters} exclude where it can.
   */
  SplitReader reader(StructType dataSchema, StructType requiredSchema, List<ScanFilter> filters,
      FormatOptions options);

  /** Writes files of this format; options are checked now, so bad ones fail before a job runs. */
  RecordWriter.Factory writer(StructType schema, FormatOptions options);

  /** What part file names end with, as Spark names them: {@code .snappy.parquet}. */
  String fileExtension(FormatOptions options);

  /** Reads one split into a consumer. */
  interface SplitReader {
    /** Reads the split's rows into {@code out}; returns the number of rows produced. */
    long read(FileSplit split, RowConsumer out);

    /** Row groups (the format's unit of skipping) this reader has read so far; 0 for formats without them. */
    default long rowGroupsRead() {
      return 0;
    }

    /** Row groups this reader has skipped so far because the pushed filters ruled them out. */
    default long rowGroupsSkipped() {
      return 0;
    }
  }

  /** The format named {@code name} (any case), if a module on the classpath provides it. */
  static Optional<ExternalFormat> find(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (ExternalFormat f : ServiceLoader.load(ExternalFormat.class, ExternalFormat.class.getClassLoader())) {
      if (f.name().equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** {@link #find}, failing with what to add when it is missing. */
  static ExternalFormat require(String name) {
    return find(name).orElseThrow(() -> new KindlingException("[UNSUPPORTED_DATASOURCE] The data source '"
        + name + "' is not on the classpath: add the kindling-hadoop dependency to read and write " + name
        + " files."));
  }
}
