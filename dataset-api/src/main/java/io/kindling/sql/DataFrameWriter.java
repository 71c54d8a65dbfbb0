package io.kindling.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.QueryExecution;
import io.kindling.internal.sql.analysis.Analyzer;
import io.kindling.spi.DataFrameEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a DataFrame's rows as files: a directory of {@code part-NNNNN-…} files and a {@code _SUCCESS} marker,
 * committed atomically (a failed write leaves no partial output and the previous contents intact). With
 * {@link #partitionBy}, rows go to Hive-style {@code col=value/} subdirectories. Writing is an action.
 */
public class DataFrameWriter {
  private static final Set<String> MODES = Set.of("overwrite", "append", "errorifexists", "error", "ignore",
      "default");

  private final DataFrame df;
  private String format = "parquet";
  private String mode = "errorifexists";
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionBy = new ArrayList<>();

  DataFrameWriter(DataFrame df) {
    this.df = df;
  }

  /** {@code overwrite}, {@code append}, {@code errorifexists} (the default) or {@code ignore}. */
  public DataFrameWriter mode(String saveMode) {
    String m = requireNonNull(saveMode, "saveMode is null").toLowerCase(Locale.ROOT);
    if (!MODES.contains(m)) {
      throw new IllegalArgumentException("Unknown save mode: " + saveMode + ". Accepted save modes are "
          + "'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.");
    }
    this.mode = m.equals("error") || m.equals("default") ? "errorifexists" : m;
    return this;
  }

  public DataFrameWriter format(String source) {
    this.format = requireNonNull(source, "source is null").toLowerCase(Locale.ROOT);
    return this;
  }

  public DataFrameWriter option(String key, String value) {
    options.put(requireNonNull(key, "key is null").toLowerCase(Locale.ROOT), String.valueOf(value));
    return this;
  }

  public DataFrameWriter option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameWriter option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameWriter option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameWriter options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /**
   * Writes rows into {@code col=value/} subdirectories by the named columns (left out of the files); a name that is
   * not a column (without case) fails at once, with Spark's error. As in Spark, a directory takes the name as given
   * ({@code partitionBy("B")} of a column {@code b} writes {@code B=1/}). Naming every column fails when writing.
   */
  public DataFrameWriter partitionBy(String... colNames) {
    partitionBy.clear();
    for (String c : colNames) {
      if (Analyzer.findName(c, df.logicalPlan().output()).isEmpty()) {
        throw new AnalysisException("Partition column `" + c + "` not found in schema "
            + df.schema().simpleString() + ".");
      }
      if (partitionBy.stream().noneMatch(c::equalsIgnoreCase)) {
        partitionBy.add(c);
      }
    }
    return this;
  }

  public void csv(String path) {
    format("csv").save(path);
  }

  public void json(String path) {
    format("json").save(path);
  }

  /** Writes a single string column as lines. */
  public void text(String path) {
    format("text").save(path);
  }

  /**
   * Writes Parquet files (with {@code kindling-hadoop} on the classpath), named as Spark names them
   * ({@code part-00000-<uuid>-c000.snappy.parquet}). Option {@code compression}: {@code snappy} (the default),
   * {@code zstd}, {@code gzip}, {@code lz4_raw} or {@code none}; an unknown codec fails before any job runs.
   * Action.
   */
  public void parquet(String path) {
    format("parquet").save(path);
  }

  /**
   * Writes with the format set by {@link #format}. Fails before any job runs, with Spark's errors, when two
   * columns have the same name (without case) or {@link #partitionBy} names every column, and when
   * {@code maxRecordsPerFile} or {@code partitionOverwriteMode} asks for what Kindling does not do. Action.
   */
  public void save(String path) {
    requireNonNull(path, "path is null");
    checkUnsupportedOptions();
    checkColumnNames();
    var sql = df.sqlContext();
    sql.engine().write(QueryExecution.optimized(sql, df.logicalPlan()),
        new DataFrameEngine.WriteRequest(format, path, mode, options, partitionBy), sql);
  }

  /**
   * Spark's write options Kindling does not implement fail unless at their default: {@code maxRecordsPerFile}
   * (one file a task and directory) and {@code partitionOverwriteMode} (static: overwrite replaces the whole path).
   */
  private void checkUnsupportedOptions() {
    String max = options.get("maxrecordsperfile");
    if (max != null && !max.trim().equals("0")) {
      throw new AnalysisException("The write option 'maxRecordsPerFile' = '" + max + "' is not supported by "
          + "Kindling (only '0'): each task writes one file per directory; repartition to get smaller files.");
    }
    String overwrite = options.get("partitionoverwritemode");
    if (overwrite != null && !overwrite.trim().equalsIgnoreCase("static")) {
      throw new AnalysisException("The write option 'partitionOverwriteMode' = '" + overwrite + "' is not "
          + "supported by Kindling (only 'static'): overwrite replaces everything under the path.");
    }
  }

  private void checkColumnNames() {
    Set<String> seen = new HashSet<>();
    for (String name : df.columns()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!seen.add(lower)) {
        throw new AnalysisException("[COLUMN_ALREADY_EXISTS] The column `" + lower + "` already exists. "
            + "Consider to choose another name or rename the existing column.");
      }
    }
  }

  /** Writes to the {@code path} option. Action. */
  public void save() {
    String path = options.get("path");
    if (path == null) {
      throw new IllegalArgumentException("Expected exactly one path to be specified, but got: ");
    }
    save(path);
  }
}
