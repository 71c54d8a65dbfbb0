package io.kindling.engine.sql;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.InferredType;
import io.kindling.engine.format.csv.CsvInferenceSample;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvSchemaInference;
import io.kindling.engine.format.json.JType;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonSchemaInference;
import io.kindling.engine.format.output.PartitionDiscovery;
import io.kindling.engine.format.text.TextReader;
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
    if (!f.equals("csv") && !f.equals("json") && !f.equals("text")) {
      throw new AnalysisException("[UNSUPPORTED_DATASOURCE] The data source '" + format + "' is not supported "
          + "by Kindling yet: use csv, json or text.");
    }
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
      dataSchema = TextReader.schema();
    } else if (userSchema != null) {
      dataSchema = withoutPartitionColumns(userSchema, partitionSchema);
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

  private record Listing(List<SourceFile> files, StructType partitionSchema) {}

  private static Listing list(String entry) {
    Path path = InputPaths.toPath(entry);
    boolean glob = entry.contains("*") || entry.contains("?") || entry.contains("[") || entry.contains("{");
    if (!glob && !Files.exists(path)) {
      throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + InputPaths.uri(path) + ".");
    }
    if (!glob && Files.isDirectory(path)) {
      PartitionDiscovery.Partitions found = PartitionDiscovery.discover(path, ZoneId.systemDefault());
      List<SourceFile> files = new ArrayList<>();
      for (int i = 0; i < found.files().size(); i++) {
        Path file = found.files().get(i);
        files.add(new SourceFile(file.toString(), size(file), Arrays.asList(found.values().get(i))));
      }
      return new Listing(files, found.schema());
    }
    List<Path> expanded;
    try {
      expanded = InputPaths.expand(entry);
    } catch (KindlingException e) {
      throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + InputPaths.uri(path) + ".", e);
    }
    List<SourceFile> files = new ArrayList<>();
    for (Path file : expanded) {
      String name = file.getFileName().toString();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      files.add(new SourceFile(file.toString(), size(file), List.of()));
    }
    return new Listing(files, new StructType());
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

  /** Infers the data schema with a job: each task infers one split, the driver merges. */
  private static StructType infer(String format, List<SourceFile> sources, FormatOptions opts, SqlContext context) {
    List<Path> paths = sources.stream().map(s -> Path.of(s.path())).toList();
    if (paths.isEmpty()) {
      return new StructType();
    }
    int parallelism = context.session().settings().defaultParallelism();
    List<FileSplit> splits = FileSplitter.split(paths, parallelism, 32L << 20);
    var node = new ParallelCollectionNode<>(context.session().nextNodeId(), CallSites.of("inferSchema"), splits,
        splits.size());
    if (format.equals("csv")) {
      CsvOptions options = CsvOptions.from(opts);
      CsvSchemaInference driverSide = new CsvSchemaInference(options);
      CsvSchemaInference.FirstRecord first = driverSide.firstRecord(paths);
      if (first == null) {
        return new StructType();
      }
      if (!options.inferSchema()) {
        return driverSide.schema(first, null);
      }
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
      return driverSide.schema(first, merged);
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
    CsvSchemaInference.FirstRecord first = driverSide.firstRecordOfFiles(sources.stream()
        .map(s -> new io.kindling.engine.fs.FileInfo(s.path(), s.length(), false, 0)).toList());
    if (first == null) {
      return null;
    }
    byte[] line = first.line();
    List<String> fields = new ArrayList<>(first.fields());
    // The small ranges go to as many tasks as there are cores, not one task each.
    int tasks = Math.min(sample.size(), context.session().settings().defaultParallelism());
    var node = new ParallelCollectionNode<>(context.session().nextNodeId(), CallSites.of("inferSchema"), sample,
        Math.max(1, tasks));
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
    return CsvInferenceSample.usable(merged) ? driverSide.schema(first, merged) : null;
  }
}
