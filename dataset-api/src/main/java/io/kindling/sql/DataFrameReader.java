package io.kindling.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads files as a DataFrame: {@code session.read().option("header", true).option("inferSchema", true)
 * .csv("sales.csv")}. The files are listed, and the schema settled (inferring it reads the data, as in
 * Spark), when the DataFrame is made; the rows are read when an action runs. Paths may be files,
 * directories (Hive-style {@code col=value/} subdirectories become columns) or globs.
 *
 * <p>CSV options (Spark's names): {@code header}, {@code inferSchema}, {@code sep} (or {@code delimiter}),
 * {@code quote}, {@code escape}, {@code nullValue}, {@code mode} ({@code PERMISSIVE}, {@code DROPMALFORMED},
 * {@code FAILFAST}), {@code columnNameOfCorruptRecord}, {@code dateFormat}, {@code timestampFormat},
 * {@code comment}, {@code encoding}.
 *
 * <p>Parquet ({@link #parquet}, the default format as in Spark) needs the {@code kindling-hadoop} dependency on the
 * classpath. Its schema comes from a file's footer ({@code mergeSchema} {@code true} merges every file's); only the
 * columns a query uses are read, and filters pushed into the scan skip row groups by their statistics. Paths of
 * every format may be {@code hdfs://…} where kindling-hadoop is present.
 */
public class DataFrameReader {
  /**
   * Spark's options of every file source that Kindling's listing does not implement, with the value each is
   * accepted at (Spark's default), or null when any value is refused.
   */
  private static final Map<String, Refused> UNSUPPORTED_FILE_OPTIONS = unsupportedFileOptions();

  private final SqlContext sql;
  private String format = "parquet";
  private final Map<String, String> options = new LinkedHashMap<>();
  private StructType userSchema;

  /** Internal: made by {@code session.read()}. */
  public DataFrameReader(SqlContext sql) {
    this.sql = requireNonNull(sql, "sql is null");
  }

  /** The source format: {@code csv}, {@code json}, {@code text} or {@code parquet} (the default). */
  public DataFrameReader format(String source) {
    this.format = requireNonNull(source, "source is null").toLowerCase(Locale.ROOT);
    return this;
  }

  /** Sets an option of the format (names are case-insensitive). */
  public DataFrameReader option(String key, String value) {
    options.put(requireNonNull(key, "key is null").toLowerCase(Locale.ROOT), String.valueOf(value));
    return this;
  }

  public DataFrameReader option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameReader option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameReader option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameReader options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /** Reads with this schema instead of inferring one. */
  public DataFrameReader schema(StructType schema) {
    this.userSchema = requireNonNull(schema, "schema is null");
    return this;
  }

  /** Reads with the schema given in DDL: {@code "id INT, name STRING"}. */
  public DataFrameReader schema(String ddl) {
    return schema(StructType.fromDDL(ddl));
  }

  public DataFrame csv(String... paths) {
    return format("csv").load(paths);
  }

  public DataFrame json(String... paths) {
    return format("json").load(paths);
  }

  /** Each line as a row with one string column named {@code value}. */
  public DataFrame text(String... paths) {
    return format("text").load(paths);
  }

  /**
   * Reads Parquet files (with {@code kindling-hadoop} on the classpath): the schema from the first file's footer,
   * or from all of them merged with option {@code mergeSchema} {@code true}; the user's {@link #schema} wins.
   * Lazy: the footer is read now, the rows when an action runs.
   */
  public DataFrame parquet(String... paths) {
    return format("parquet").load(paths);
  }

  /**
   * Reads the files with the format set by {@link #format}. Spark's generic file options {@code basePath},
   * {@code pathGlobFilter}, {@code recursiveFileLookup}, {@code modifiedBefore}, {@code modifiedAfter},
   * {@code ignoreCorruptFiles} and {@code ignoreMissingFiles} are not supported: set to anything but their default,
   * they fail at once.
   */
  public DataFrame load(String... paths) {
    checkFileOptions();
    List<String> all = new ArrayList<>(Arrays.asList(paths));
    if (options.containsKey("path")) {
      all.add(0, options.get("path"));
    }
    if (all.isEmpty()) {
      throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] No path given to load " + format + " files from.");
    }
    FileSource source = sql.engine().resolveSource(format, all, options, userSchema, sql);
    List<AttributeRef> data = attributes(source.dataSchema());
    List<AttributeRef> partitions = attributes(source.partitionSchema());
    List<AttributeRef> output = new ArrayList<>(data);
    output.addAll(partitions);
    return new DataFrame(sql, new FileScanNode(source, data, partitions, output, List.of()));
  }

  /** A Spark file-source option Kindling refuses unless at {@code accepted} (null: any value), and what to do. */
  private record Refused(String accepted, String instead) {}

  private static Map<String, Refused> unsupportedFileOptions() {
    Map<String, Refused> m = new LinkedHashMap<>();
    m.put("basePath", new Refused(null, "partition columns come from the col=value directories under each path"));
    m.put("pathGlobFilter", new Refused(null, "put the pattern in the path, as a glob"));
    m.put("recursiveFileLookup", new Refused("false", "list the subdirectories' files as paths or globs"));
    m.put("modifiedBefore", new Refused(null, "choose the files to read by path or glob"));
    m.put("modifiedAfter", new Refused(null, "choose the files to read by path or glob"));
    m.put("ignoreCorruptFiles", new Refused("false", "a file that can't be read fails the query"));
    m.put("ignoreMissingFiles", new Refused("false", "a file that is gone when read fails the query"));
    return Collections.unmodifiableMap(m);
  }

  private void checkFileOptions() {
    UNSUPPORTED_FILE_OPTIONS.forEach((name, refused) -> {
      String value = options.get(name.toLowerCase(Locale.ROOT));
      if (value != null && (refused.accepted() == null || !refused.accepted().equalsIgnoreCase(value.trim()))) {
        throw new AnalysisException("The file source option '" + name + "' = '" + value + "' is not supported by "
            + "Kindling" + (refused.accepted() == null ? "" : " (only '" + refused.accepted() + "')") + ": "
            + refused.instead() + ".");
      }
    });
  }

  private static List<AttributeRef> attributes(StructType schema) {
    List<AttributeRef> out = new ArrayList<>();
    for (StructField f : schema) {
      out.add(AttributeRef.of(f.name(), f.dataType(), true));
    }
    return out;
  }
}
