package io.kindling.hadoop.parquet;

import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RecordWriter;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.format.output.Compression;
import io.kindling.engine.format.output.OutputDirectory;
import io.kindling.engine.format.output.PartitionDiscovery;
import io.kindling.engine.format.output.PartitionedWriter;
import io.kindling.engine.format.output.SaveMode;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.source.FileSplit;
import io.kindling.sql.types.StructType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads Parquet directories as the DataFrame writer and reader will: tasks write part files through
 * {@link PartitionedWriter} into an {@link OutputDirectory} that is then committed; reading discovers the
 * partition directories and reads every file whole.
 */
final class ParquetDirectories {
  private ParquetDirectories() {}

  /** Writes {@code rows} as {@code tasks} tasks would (row i by task i % tasks). */
  static void write(String path, StructType schema, List<Object[]> rows, List<String> partitionBy,
      FormatOptions options, int tasks) throws Exception {
    ParquetFormat format = new ParquetFormat();
    RecordWriter.Factory factory = format.writer(schema, options);
    OutputDirectory dir = OutputDirectory.prepare(path, SaveMode.ERROR_IF_EXISTS).orElseThrow();
    for (int t = 0; t < tasks; t++) {
      try (OutputDirectory.TaskOutput task = dir.task(t, 0)) {
        String fileName = dir.partFileName(t, format.fileExtension(options), !partitionBy.isEmpty());
        try (PartitionedWriter w = new PartitionedWriter(task, fileName, schema, partitionBy, factory,
            Compression.NONE)) {
          for (int i = t; i < rows.size(); i += tasks) {
            w.write(rows.get(i));
          }
        }
        task.commitTask();
      }
    }
    dir.commit();
  }

  /** Every row of the directory: data columns, then partition columns. */
  static List<Object[]> read(String path, FormatOptions options) {
    PartitionDiscovery.DiscoveredFiles found = PartitionDiscovery.discoverFiles(path, ZoneOffset.UTC);
    List<String> names = found.files().stream().map(FileInfo::path).toList();
    ParquetFormat format = new ParquetFormat();
    StructType data = format.inferSchema(names, options);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < found.files().size(); i++) {
      FileInfo f = found.files().get(i);
      RowCollector out = new RowCollector(data.size());
      format.reader(data, data, List.of(), options).read(new FileSplit(f.path(), 0, f.length(), false), out);
      Object[] partition = found.values().get(i);
      for (Object[] r : out.rows()) {
        Object[] full = new Object[r.length + partition.length];
        System.arraycopy(r, 0, full, 0, r.length);
        System.arraycopy(partition, 0, full, r.length, partition.length);
        rows.add(full);
      }
    }
    return rows;
  }
}
