package io.kindling.engine.sql.physical;

import io.kindling.LongAccumulator;
import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.ScanFilter;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvReader;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonReader;
import io.kindling.engine.format.text.TextOptions;
import io.kindling.engine.format.text.TextReader;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.internal.sql.plan.SourceFile;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a file source into batches: one partition per file split, only the columns the plan needs parsed
 * (straight into primitive vectors), partition-directory values added as constant columns, pushed filters
 * applied as batches are made, and files whose partition values fail a pushed filter not read at all. External
 * formats (Parquet) also get the pushed filters they can use ({@link ScanFilters}) to skip row groups, counted in
 * the session's metrics; partitions of files on HDFS prefer the hosts that store their blocks.
 */
public final class FileScanExec extends PhysicalPlan {
  private final FileScanNode scan;

  public FileScanExec(FileScanNode scan) {
    this.scan = scan;
  }

  @Override
  public List<AttributeRef> output() {
    return scan.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "FileScan " + scan.source().format();
  }

  /** Spark's text: columns, format, location, partition and pushed filters, the schema read. */
  @Override
  public String argString() {
    FileSource source = scan.source();
    List<Expression> partitionFilters = new ArrayList<>();
    List<Expression> dataFilters = new ArrayList<>();
    for (Expression f : scan.filters()) {
      boolean onPartitions = !f.references().isEmpty() && scan.partitionColumns().containsAll(f.references());
      (onPartitions ? partitionFilters : dataFilters).add(f);
    }
    StructType read = new StructType(scan.output().stream().filter(scan.dataColumns()::contains)
        .map(AttributeRef::toField).toList());
    return scan.output().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(",", "[", "]"))
        + " Format: " + source.format().toUpperCase(java.util.Locale.ROOT) + ", Location: " + source.paths()
        + ", PartitionFilters: " + io.kindling.internal.sql.plan.LogicalPlan.list(partitionFilters)
        + ", PushedFilters: " + io.kindling.internal.sql.plan.LogicalPlan.list(dataFilters)
        + ", ReadSchema: " + read.simpleString();
  }

  /** One partition's work: a byte range of a file and the file's partition values. */
  record SplitTask(FileSplit split, Object[] partitionValues) implements Serializable {}

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    FileSource source = scan.source();
    Set<AttributeRef> needed = new LinkedHashSet<>(scan.output());
    for (Expression f : scan.filters()) {
      needed.addAll(f.references());
    }
    List<AttributeRef> dataCols = new ArrayList<>();
    for (AttributeRef a : scan.dataColumns()) {
      if (needed.contains(a)) {
        dataCols.add(a);
      }
    }
    if (source.format().equals("text") && dataCols.isEmpty()) {
      dataCols.add(scan.dataColumns().get(0));
    }
    // As Spark: when the corrupt-record column is read, every column is parsed, so that a record is malformed
    // whichever columns the query needs.
    String corrupt = FormatOptions.of(source.options()).get("columnNameOfCorruptRecord", "_corrupt_record");
    if (dataCols.stream().anyMatch(a -> a.name().equals(corrupt))) {
      dataCols = new ArrayList<>(scan.dataColumns());
    }
    List<AttributeRef> partCols = new ArrayList<>();
    List<Integer> partPositions = new ArrayList<>();
    for (int i = 0; i < scan.partitionColumns().size(); i++) {
      AttributeRef a = scan.partitionColumns().get(i);
      if (needed.contains(a)) {
        partCols.add(a);
        partPositions.add(i);
      }
    }
    List<SourceFile> files = prune(source.files(), scan.partitionColumns(), scan.filters());
    List<SplitTask> tasks = splits(context, files, partPositions);
    List<AttributeRef> internal = new ArrayList<>(dataCols);
    internal.addAll(partCols);
    List<AttributeRef> out = scan.output();
    List<Expression> filters = scan.filters();
    StructType dataSchema = source.dataSchema();
    StructType required = new StructType(dataCols.stream().map(a -> dataSchema.apply(a.name())).toList());
    String format = source.format();
    Map<String, String> options = source.options();
    List<DataType> dataTypes = dataCols.stream().map(AttributeRef::dataType).toList();
    List<DataType> partTypes = partCols.stream().map(AttributeRef::dataType).toList();
    int batchRows = context.settings().batchRows();
    int[] projection = out.stream().mapToInt(internal::indexOf).toArray();
    // Only external formats (Parquet) use pushed filters themselves, to skip row groups.
    List<ScanFilter> pushed = ExternalFormat.BUILT_IN.contains(format) ? List.of()
        : ScanFilters.translate(filters, dataCols);
    LongAccumulator rowGroupsRead = context.session().counters().rowGroupsReadAccumulator();
    LongAccumulator rowGroupsSkipped = context.session().counters().rowGroupsSkippedAccumulator();
    ParallelCollectionNode<SplitTask> splitNode = new ParallelCollectionNode<>(context.nextNodeId(),
        CallSites.of(format), tasks, Math.max(tasks.size(), 1), FileScanExec::hosts);
    return Lineages.map(context, splitNode, "scan " + format, (p, it) -> {
      if (format.equals("csv")) {
        List<BatchExpr> csvFilters = ExprCompiler.compileAll(filters, internal, new EvalContext(p));
        return new CsvScan(it, new CsvReader(CsvOptions.from(FormatOptions.of(options)), dataSchema, required),
            dataTypes, batchRows, b -> {
              ColumnBatch kept = applyFilters(csvFilters, b);
              return kept == null ? null : kept.project(projection);
            }, partTypes);
      }
      List<ColumnBatch> batches = new ArrayList<>();
      EvalContext ctx = new EvalContext(p);
      List<BatchExpr> compiled = ExprCompiler.compileAll(filters, internal, ctx);
      ExternalFormat.SplitReader externalReader = ExternalFormat.BUILT_IN.contains(format) ? null
          : external(format).reader(dataSchema, required, pushed, FormatOptions.of(options));
      while (it.hasNext()) {
        SplitTask task = it.next();
        ScanConsumer consumer = new ScanConsumer(dataTypes, batchRows, b -> {
          ColumnBatch full = withPartitionValues(b, task.partitionValues(), partTypes);
          ColumnBatch kept = applyFilters(compiled, full);
          if (kept != null) {
            batches.add(kept.project(projection));
          }
        });
        if (externalReader != null) {
          externalReader.read(task.split(), StructRowConsumer.wrap(consumer, dataTypes));
        } else {
          read(format, options, dataSchema, required, task.split(), consumer);
        }
        consumer.flush();
      }
      if (externalReader != null) {
        rowGroupsRead.add(externalReader.rowGroupsRead());
        rowGroupsSkipped.add(externalReader.rowGroupsSkipped());
      }
      return batches.iterator();
    });
  }

  private static final Map<String, ExternalFormat> EXTERNAL = new ConcurrentHashMap<>();

  /** The external format, looked up once per JVM (tasks run many scans). */
  private static ExternalFormat external(String format) {
    return EXTERNAL.computeIfAbsent(format, ExternalFormat::require);
  }

  /**
   * The hosts storing a partition's splits (HDFS block locations), for placement to run the task beside its
   * data; nothing for local files.
   */
  private static List<String> hosts(List<SplitTask> slice) {
    Map<String, Integer> votes = new java.util.LinkedHashMap<>();
    for (SplitTask t : slice) {
      FileSplit split = t.split();
      if (FsPaths.isLocal(split.path())) {
        continue;
      }
      try {
        List<String> hosts = FileSystemAdapters.forPath(split.path()).hosts(split.path(), split.start(),
            split.length());
        for (int i = 0; i < hosts.size(); i++) {
          votes.merge(hosts.get(i), hosts.size() - i, Integer::sum);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the block locations of " + split.path(), e);
      }
    }
    List<String> ordered = new ArrayList<>(votes.keySet());
    ordered.sort((a, b) -> Integer.compare(votes.get(b), votes.get(a)));
    return List.copyOf(ordered);
  }

  private static void read(String format, Map<String, String> options, StructType dataSchema, StructType required,
      FileSplit split, ScanConsumer consumer) {
    FormatOptions opts = FormatOptions.of(options);
    switch (format) {
      case "csv" -> new CsvReader(CsvOptions.from(opts), dataSchema, required).read(split, consumer);
      case "json" -> new JsonReader(JsonOptions.from(opts), dataSchema, required).read(split, consumer);
      case "text" -> new TextReader(TextOptions.from(opts)).read(split, consumer);
      default -> throw new IllegalArgumentException("Unsupported format " + format);
    }
  }

  private static ColumnBatch withPartitionValues(ColumnBatch b, Object[] values, List<DataType> types) {
    if (values.length == 0) {
      return b;
    }
    ColumnVector[] cols = new ColumnVector[b.numColumns() + values.length];
    for (int c = 0; c < b.numColumns(); c++) {
      cols[c] = b.column(c);
    }
    for (int i = 0; i < values.length; i++) {
      cols[b.numColumns() + i] = Vectors.constant(types.get(i), values[i], b.numRows());
    }
    return new ColumnBatch(cols, b.numRows());
  }

  private static ColumnBatch applyFilters(List<BatchExpr> filters, ColumnBatch b) {
    ColumnBatch current = b;
    for (BatchExpr f : filters) {
      int n = current.numRows();
      int[] sel = new int[n];
      int count = ExprCompiler.select((BooleanVector) f.eval(current), sel);
      if (count == 0) {
        return null;
      }
      if (count < n) {
        current = current.gather(sel, count);
      }
    }
    return current;
  }

  /** The files whose partition values pass the pushed filters that read only partition columns. */
  private static List<SourceFile> prune(List<SourceFile> files, List<AttributeRef> partitionColumns,
      List<Expression> filters) {
    List<Expression> onPartitions = new ArrayList<>();
    for (Expression f : filters) {
      if (!f.references().isEmpty() && partitionColumns.containsAll(f.references())) {
        onPartitions.add(f);
      }
    }
    if (onPartitions.isEmpty() || partitionColumns.isEmpty()) {
      return files;
    }
    List<DataType> types = partitionColumns.stream().map(AttributeRef::dataType).toList();
    List<BatchExpr> compiled = ExprCompiler.compileAll(onPartitions, partitionColumns, EvalContext.DRIVER);
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : files) {
      ColumnBatch row = Vectors.fromRows(types, List.<Object[]>of(f.partitionValues().toArray()));
      if (applyFilters(compiled, row) != null) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** Splits the files as Spark sizes DataFrame splits: enough for every core, at most the configured size. */
  private static List<SplitTask> splits(ExecContext context, List<SourceFile> files, List<Integer> partPositions) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<String, Object[]> valuesByPath = new HashMap<>();
    List<FileInfo> paths = new ArrayList<>();
    for (SourceFile f : files) {
      Object[] v = new Object[partPositions.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = f.partitionValues().get(partPositions.get(i));
      }
      valuesByPath.put(f.path(), v);
      paths.add(new FileInfo(f.path(), f.length(), false, 0));
    }
    long maxSplit = context.session().config().getBytes("kindling.input.max-split-bytes");
    int parallelism = context.session().settings().defaultParallelism();
    List<SplitTask> tasks = new ArrayList<>();
    for (FileSplit s : FileSplitter.splitFiles(paths, parallelism, maxSplit)) {
      tasks.add(new SplitTask(s, valuesByPath.get(s.path())));
    }
    return tasks;
  }

  /**
   * The batches of CSV splits, parsed a batch at a time as they are asked for (so each batch is aggregated or
   * joined while it is still in the cache, and a split is never held in memory whole).
   */
  private static final class CsvScan implements java.util.Iterator<ColumnBatch>, AutoCloseable {
    private final java.util.Iterator<SplitTask> tasks;
    private final CsvReader reader;
    private final List<DataType> dataTypes;
    private final int batchRows;
    private final java.util.function.UnaryOperator<ColumnBatch> finish;
    private final List<DataType> partTypes;
    private final java.util.ArrayDeque<ColumnBatch> ready = new java.util.ArrayDeque<>();
    private CsvReader.Cursor cursor;
    private ScanConsumer consumer;
    private boolean closedWithTask;

    CsvScan(java.util.Iterator<SplitTask> tasks, CsvReader reader, List<DataType> dataTypes, int batchRows,
        java.util.function.UnaryOperator<ColumnBatch> finish, List<DataType> partTypes) {
      this.tasks = tasks;
      this.reader = reader;
      this.dataTypes = dataTypes;
      this.batchRows = batchRows;
      this.finish = finish;
      this.partTypes = partTypes;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (cursor == null) {
          if (!tasks.hasNext()) {
            return false;
          }
          SplitTask task = tasks.next();
          consumer = new ScanConsumer(dataTypes, batchRows, b -> {
            ColumnBatch out = finish.apply(withPartitionValues(b, task.partitionValues(), partTypes));
            if (out != null) {
              ready.add(out);
            }
          });
          cursor = reader.open(task.split());
          // The scan, not each cursor, is closed with the task: a drained split's reader (and its buffer) is
          // then not held until the task ends, however many splits the task reads.
          if (!closedWithTask) {
            closedWithTask = true;
            io.kindling.internal.lineage.TaskContext tc = io.kindling.internal.lineage.TaskContext.get();
            if (tc != null) {
              tc.onTaskCompletion(this);
            }
          }
        }
        if (!cursor.advance(consumer, batchRows)) {
          consumer.flush();
          cursor.close();
          cursor = null;
        }
      }
      return true;
    }

    @Override
    public ColumnBatch next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return ready.poll();
    }

    /** Closes the split being read, if the task ended before its last row (as {@code take} may). */
    @Override
    public void close() {
      if (cursor != null) {
        cursor.close();
        cursor = null;
      }
    }
  }
}
