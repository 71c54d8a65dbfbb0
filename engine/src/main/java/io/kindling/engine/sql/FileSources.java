package io.kindling.engine.sql;

import io.kindling.KindlingException;
import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.InferredType;
import io.kindling.engine.format.csv.CsvInferenceSample;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvReader;
import io.kindling.engine.format.csv.CsvSchemaInference;
import io.kindling.engine.format.json.JType;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonSchemaInference;
import io.kindling.engine.format.output.PartitionDiscovery;
import io.kindling.engine.format.text.TextReader;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.engine.source.InputPaths;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.internal.sql.plan.SourceFile;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the files of a DataFrame source (Hive-style partition directories become columns) and settles its
 * schema: the user's, or inferred by a job over the files' splits (all of the data, as Spark's inferSchema; a
 * large CSV input without samplingRatio is inferred from a sample, see {@link CsvInferenceSample}).
 */
final class FileSources {
  private FileSources() {}

  static FileSource resolve(String format, List<String> paths, Map<String, String> options, StructType userSchema,
      SqlContext context) {
    String f = format.toLowerCase(Locale.ROOT);
    ExternalFormat external = ExternalFormat.BUILT_IN.contains(f) ? null : external(f);
    FormatOptions opts = FormatOptions.of(options);
    List<SourceFile> files = new ArrayList<>();
    StructType partitionSchema = null;
    // Each argument is one path (or glob), as in Spark: a comma is part of the name.
    for (String entry : paths) {
      Listing listing = list(entry);
      if (partitionSchema == null) {
        partitionSchema = listing.partitionSchema();
      } else if (!partitionSchema.equals(listing.partitionSchema())) {
        throw new AnalysisException("Conflicting partition columns across the paths: "
            + partitionSchema.simpleString() + " and " + listing.partitionSchema().simpleString());
      }
      files.addAll(listing.files());
    }
    if (partitionSchema == null) {
      partitionSchema = new StructType();
    }
    StructType dataSchema;
    if (f.equals("text")) {
      dataSchema = userSchema == null ? TextReader.schema()
          : TextReader.schema(withoutPartitionColumns(userSchema, partitionSchema));
    } else if (userSchema != null) {
      dataSchema = withoutPartitionColumns(userSchema, partitionSchema);
      if (f.equals("csv")) {
        CsvReader.checkSchema(dataSchema);
      }
    } else if (external != null) {
      if (files.isEmpty()) {
        throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for "
            + displayName(f) + ". It must be specified manually.");
      }
      try {
        dataSchema = withoutPartitionColumns(
            external.inferSchema(files.stream().map(SourceFile::path).toList(), opts), partitionSchema);
      } catch (AnalysisException e) {
        throw e;
      } catch (KindlingException e) {
        throw new AnalysisException(e.getMessage(), e);
      }
    } else {
      StructType sampled = f.equals("csv") ? sampledCsvSchema(files, opts, context) : null;
      if (sampled != null) {
        dataSchema = sampled;
        Map<String, String> marked = new java.util.HashMap<>(options);
        marked.put(CsvInferenceSample.SAMPLED_OPTION, "true");
        options = marked;
      } else {
        dataSchema = infer(f, files, opts, context);
      }
      if (dataSchema.size() == 0 && files.isEmpty()) {
        throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for " + f.toUpperCase(Locale.ROOT)
            + ". It must be specified manually.");
      }
    }
    return new FileSource(f, paths, options, dataSchema, partitionSchema, files);
  }

  /** The external format {@code name}, failing with what to add to the classpath when it is missing. */
  static ExternalFormat external(String name) {
    try {
      return ExternalFormat.require(name);
    } catch (AnalysisException e) {
      throw e;
    } catch (KindlingException e) {
      throw new AnalysisException(e.getMessage(), e);
    }
  }

  private static String displayName(String format) {
    return format.equals("parquet") ? "Parquet" : format.toUpperCase(Locale.ROOT);
  }

  private record Listing(List<SourceFile> files, StructType partitionSchema) {}

  /**
   * The files of one path argument, on any file system with an adapter: a directory is searched for
   * {@code col=value/} partition directories, a file is itself, a glob is expanded (its matches' partition
   * directories are not discovered, as without {@code basePath} in Spark).
   */
  private static Listing list(String entry) {
    boolean glob = entry.contains("*") || entry.contains("?") || entry.contains("[") || entry.contains("{");
    boolean local = FsPaths.isLocal(entry);
    String shown = local ? InputPaths.uri(InputPaths.toPath(entry)) : FsPaths.stripTrailingSlash(entry);
    if (!glob) {
      Optional<FileInfo> status = status(entry, local);
      if (status.isEmpty()) {
        throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + shown + ".");
      }
      if (status.get().directory()) {
        PartitionDiscovery.DiscoveredFiles found;
        try {
          found = PartitionDiscovery.discoverFiles(status.get().path(), ZoneId.systemDefault());
        } catch (AnalysisException e) {
          throw e;
        } catch (KindlingException e) {
          throw new AnalysisException(e.getMessage(), e);
        }
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < found.files().size(); i++) {
          FileInfo file = found.files().get(i);
          files.add(new SourceFile(file.path(), file.length(), Arrays.asList(found.values().get(i))));
        }
        return new Listing(files, found.schema());
      }
    }
    List<FileInfo> expanded;
    try {
      expanded = InputPaths.expandFiles(entry);
    } catch (KindlingException e) {
      throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + shown + ".", e);
    }
    List<SourceFile> files = new ArrayList<>();
    for (FileInfo file : expanded) {
      String name = file.name();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      files.add(new SourceFile(file.path(), file.length(), List.of()));
    }
    return new Listing(files, new StructType());
  }

  private static Optional<FileInfo> status(String entry, boolean local) {
    if (local) {
      Path path = InputPaths.toPath(entry);
      if (!Files.exists(path)) {
        return Optional.empty();
      }
      return Optional.of(new FileInfo(path.toString(), Files.isDirectory(path) ? 0 : size(path),
          Files.isDirectory(path), 0));
    }
    try {
      return FileSystemAdapters.forPath(entry).status(FsPaths.stripTrailingSlash(entry));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read the status of " + entry + ": " + e, e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read the size of " + p, e);
    }
  }

  private static StructType withoutPartitionColumns(StructType schema, StructType partitions) {
    if (partitions.size() == 0) {
      return schema;
    }
    List<StructField> kept = new ArrayList<>();
    for (StructField field : schema) {
      if (partitions.indexOf(field.name()) < 0) {
        kept.add(field);
      }
    }
    return new StructType(kept);
  }

  /** The listed files, as the splitters and readers take them. */
  private static List<FileInfo> files(List<SourceFile> sources) {
    return sources.stream().map(s -> new FileInfo(s.path(), s.length(), false, 0)).toList();
  }

  /** Infers the data schema with a job: each task infers one split, the driver merges. */
  private static StructType infer(String format, List<SourceFile> sources, FormatOptions opts, SqlContext context) {
    List<FileInfo> paths = files(sources);
    if (paths.isEmpty()) {
      return new StructType();
    }
    int parallelism = context.session().settings().defaultParallelism();
    List<FileSplit> splits = FileSplitter.splitFiles(paths, parallelism, 32L << 20);
    var node = new ParallelCollectionNode<>(context.session().nextNodeId(), CallSites.of("inferSchema"), splits,
        splits.size());
    if (format.equals("csv")) {
      CsvOptions options = CsvOptions.from(opts);
      CsvSchemaInference driverSide = new CsvSchemaInference(options);
      CsvSchemaInference.FirstRecord first = driverSide.firstRecordOfFiles(paths);
      if (first == null) {
        return new StructType();
      }
      if (!options.inferSchema()) {
        return driverSide.schema(first, null);
      }
      return driverSide.schema(first, inferCsvTypes(node, first, opts, context));
    }
    JsonOptions options = JsonOptions.from(opts);
    List<JType> parts = context.session().runJob(node, (tc, it) -> {
      JsonSchemaInference inference = new JsonSchemaInference(JsonOptions.from(opts));
      JType root = JType.NULL;
      while (it.hasNext()) {
        root = JType.merge(root, inference.inferSplit(it.next(), Long.MAX_VALUE));
      }
      return root;
    }, "inferSchema");
    JType root = JType.NULL;
    for (JType t : parts) {
      root = JType.merge(root, t);
    }
    return new JsonSchemaInference(options).toSchema(root);
  }

  /** Bytes of a large CSV input that schema inference samples when samplingRatio is not set; 0 reads all. */
  static final String SAMPLE_SETTING = "kindling.input.csv-inference-sample";

  /**
   * The schema of a large CSV input inferred from a sample of it ({@link CsvInferenceSample}), or null when the
   * whole input must be read: no inferSchema, samplingRatio given, a small or compressed input, or a sample that
   * cannot stand for the whole (a column without a value in it, a date column).
   */
  private static StructType sampledCsvSchema(List<SourceFile> sources, FormatOptions opts, SqlContext context) {
    CsvOptions options = CsvOptions.from(opts);
    if (!options.inferSchema() || opts.contains("samplingRatio") || sources.isEmpty()) {
      return null;
    }
    List<FileSplit> sample = CsvInferenceSample.splits(
        sources.stream().map(s -> new CsvInferenceSample.Input(s.path(), s.length())).toList(),
        context.session().config().getBytes(SAMPLE_SETTING));
    if (sample == null) {
      return null;
    }
    CsvSchemaInference driverSide = new CsvSchemaInference(options);
    CsvSchemaInference.FirstRecord first = driverSide.firstRecordOfFiles(files(sources));
    if (first == null) {
      return null;
    }
    // The small ranges go to as many tasks as there are cores, not one task each.
    int tasks = Math.min(sample.size(), context.session().settings().defaultParallelism());
    var node = new ParallelCollectionNode<>(context.session().nextNodeId(), CallSites.of("inferSchema"), sample,
        Math.max(1, tasks));
    InferredType[] merged = inferCsvTypes(node, first, opts, context);
    return CsvInferenceSample.usable(merged) ? driverSide.schema(first, merged) : null;
  }

  /** Runs the inference job over the CSV splits of {@code node}: each task infers its splits, the driver merges. */
  private static InferredType[] inferCsvTypes(ParallelCollectionNode<FileSplit> node,
      CsvSchemaInference.FirstRecord first, FormatOptions opts, SqlContext context) {
    byte[] line = first.line();
    List<String> fields = new ArrayList<>(first.fields());
    // Options travel as their map: the parsed form holds a Charset, which is not serializable.
    List<InferredType[]> parts = context.session().runJob(node, (tc, it) -> {
      CsvSchemaInference inference = new CsvSchemaInference(CsvOptions.from(opts));
      CsvSchemaInference.FirstRecord header = new CsvSchemaInference.FirstRecord(line, fields);
      InferredType[] types = null;
      while (it.hasNext()) {
        InferredType[] t = inference.inferSplit(it.next(), header, Long.MAX_VALUE);
        types = types == null ? t : CsvSchemaInference.merge(types, t);
      }
      return types;
    }, "inferSchema");
    InferredType[] merged = null;
    for (InferredType[] t : parts) {
      if (t != null) {
        merged = merged == null ? t : CsvSchemaInference.merge(merged, t);
      }
    }
    return merged;
  }
}
