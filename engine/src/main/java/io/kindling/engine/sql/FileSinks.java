package io.kindling.engine.sql;

import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RecordWriter;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvWriter;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonWriter;
import io.kindling.engine.format.output.Compression;
import io.kindling.engine.format.output.OutputDirectory;
import io.kindling.engine.format.output.PartitionedWriter;
import io.kindling.engine.format.output.SaveMode;
import io.kindling.engine.format.text.TextOptions;
import io.kindling.engine.format.text.TextWriter;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.StructType;
import io.kindling.spi.DataFrameEngine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a DataFrame as files: a job whose tasks each write their partition's part file (one per
 * {@code col=value/} directory with partitionBy) into a temporary directory, then an atomic commit on the
 * driver; any failure removes everything written and leaves the target as it was.
 */
final class FileSinks {
  private FileSinks() {}

  static void write(LogicalPlan plan, DataFrameEngine.WriteRequest request, SqlContext context) {
    String format = request.format().toLowerCase(Locale.ROOT);
    FormatOptions opts = FormatOptions.of(request.options());
    StructType schema = plan.schema();
    // The factories are made in the tasks from the option map: parsed options hold a Charset, which is not
    // serializable. Parsing them here first reports bad options before any job runs.
    List<String> partitionBy = request.partitionBy();
    if (!partitionBy.isEmpty() && partitionBy.size() == schema.size()) {
      throw new AnalysisException("[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition "
          + "columns.");
    }
    StructType fileSchema = PartitionedWriter.dataSchema(schema, partitionBy);
    RecordWriter.Factory factory;
    String extension;
    Compression compression;
    try {
      switch (format) {
        case "csv" -> {
          CsvOptions.from(opts);
          factory = (out, s) -> CsvWriter.factory(CsvOptions.from(opts)).open(out, s);
          extension = ".csv";
        }
        case "json" -> {
          JsonOptions.from(opts);
          factory = (out, s) -> JsonWriter.factory(JsonOptions.from(opts)).open(out, s);
          extension = ".json";
        }
        case "text" -> {
          TextWriter.validate(fileSchema);
          TextOptions.from(opts);
          factory = (out, s) -> TextWriter.factory(TextOptions.from(opts)).open(out, s);
          extension = ".txt";
        }
        default -> {
          // Parquet (kindling-hadoop) compresses inside its files: its codec is the format's own option.
          ExternalFormat external = FileSources.external(format);
          factory = external.writer(fileSchema, opts);
          extension = external.fileExtension(opts);
        }
      }
      compression = ExternalFormat.BUILT_IN.contains(format) ? Compression.fromOptions(opts) : Compression.NONE;
    } catch (AnalysisException e) {
      throw e;
    } catch (io.kindling.KindlingException e) {
      throw new AnalysisException(e.getMessage(), e);
    }
    // A writer opened once on the driver checks the columns' types before any job runs.
    try (RecordWriter probe = factory.open(java.io.OutputStream.nullOutputStream(), fileSchema)) {
      probe.getClass();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (io.kindling.KindlingException e) {
      throw new AnalysisException(e.getMessage(), e);
    }
    Optional<OutputDirectory> prepared = OutputDirectory.prepare(request.path(), SaveMode.fromString(request.mode()));
    if (prepared.isEmpty()) {
      return;
    }
    OutputDirectory dir = prepared.get();
    try {
      LineageNode<ColumnBatch> lineage = EngineDataFrames.lineage(plan, context);
      context.session().runJob(lineage, (tc, it) -> {
        int partition = tc.partitionId();
        boolean empty = !it.hasNext();
        if (empty && (partition != 0 || !partitionBy.isEmpty())) {
          return 0L;
        }
        try (OutputDirectory.TaskOutput task = dir.task(partition, tc.attemptNumber())) {
          PartitionedWriter writer = new PartitionedWriter(task, dir.partFileName(partition, extension, !partitionBy.isEmpty()), schema,
              partitionBy, factory, compression);
          try (writer) {
            while (it.hasNext()) {
              ColumnBatch b = it.next();
              for (int i = 0; i < b.numRows(); i++) {
                writer.write(b.row(i));
              }
            }
          }
          task.commitTask();
          return writer.rows();
        }
      }, "save");
      if (lineage.numPartitions() == 0 && partitionBy.isEmpty()) {
        // An empty DataFrame still leaves a (header-only) part file, as Spark writes one.
        try (OutputDirectory.TaskOutput task = dir.task(0, 0)) {
          new PartitionedWriter(task, dir.partFileName(0, extension, !partitionBy.isEmpty()), schema, partitionBy, factory, compression)
              .close();
          task.commitTask();
        }
      }
      dir.commit();
    } catch (RuntimeException | Error e) {
      dir.abort();
      throw e;
    } catch (java.io.IOException e) {
      dir.abort();
      throw new java.io.UncheckedIOException(e);
    }
  }

}
