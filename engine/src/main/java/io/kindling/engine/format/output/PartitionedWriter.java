package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one task's rows into an {@link OutputDirectory.TaskOutput}: without partition columns into one part
 * file, with them into one part file per {@code col=value/...} directory, the partition columns left out of the
 * files (as Spark does). Writers stay open until {@link #close()}.
 */
public final class PartitionedWriter implements AutoCloseable {
  private final OutputDirectory.TaskOutput task;
  private final String fileName;
  private final RecordWriter.Factory factory;
  private final Compression compression;
  private final List<String> partitionColumns;
  private final int[] partitionIndex;
  private final int[] dataIndex;
  private final StructType dataSchema;
  private final Map<String, RecordWriter> writers = new LinkedHashMap<>();
  private final Object[] partitionValues;
  private final Object[] dataValues;
  private long rows;

  /**
   * @param fileName the part file name ({@link OutputDirectory#partFileName}, for a partition directory when there
   *     are partition columns); the same in every directory
   * @param schema the rows' schema; {@code partitionColumns} must be among its fields, and not all of them
   */
  public PartitionedWriter(OutputDirectory.TaskOutput task, String fileName, StructType schema,
      List<String> partitionColumns, RecordWriter.Factory factory, Compression compression) {
    this.task = task;
    this.fileName = fileName + compression.extension();
    this.factory = factory;
    this.compression = compression;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.partitionIndex = new int[partitionColumns.size()];
    for (int i = 0; i < partitionIndex.length; i++) {
      int idx = indexIgnoringCase(schema, partitionColumns.get(i));
      if (idx < 0) {
        throw new KindlingException("Partition column `" + partitionColumns.get(i) + "` not found in schema "
            + schema.simpleString());
      }
      partitionIndex[i] = idx;
    }
    List<StructField> data = new ArrayList<>();
    List<Integer> dataIdx = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      final int field = i;
      if (java.util.Arrays.stream(partitionIndex).noneMatch(p -> p == field)) {
        data.add(schema.get(i));
        dataIdx.add(i);
      }
    }
    if (data.isEmpty()) {
      throw new KindlingException("Cannot use all columns for partition columns");
    }
    this.dataSchema = new StructType(data);
    this.dataIndex = dataIdx.stream().mapToInt(Integer::intValue).toArray();
    this.partitionValues = new Object[partitionIndex.length];
    this.dataValues = new Object[dataIndex.length];
  }

  /**
   * The field a partition column names, without case, as Spark resolves {@code partitionBy}; the directories take
   * the name as it was given ({@code partitionBy("B")} of a column {@code b} writes {@code B=1/}).
   */
  static int indexIgnoringCase(StructType schema, String column) {
    for (int i = 0; i < schema.size(); i++) {
      if (schema.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  public void write(Object[] row) throws IOException {
    for (int i = 0; i < partitionIndex.length; i++) {
      partitionValues[i] = row[partitionIndex[i]];
    }
    String dir = partitionIndex.length == 0 ? "" : PartitionPaths.directory(partitionColumns, partitionValues);
    RecordWriter w = writers.get(dir);
    if (w == null) {
      w = factory.open(compression.wrap(task.open(dir, fileName)), dataSchema);
      writers.put(dir, w);
    }
    for (int i = 0; i < dataIndex.length; i++) {
      dataValues[i] = row[dataIndex[i]];
    }
    w.write(dataValues);
    rows++;
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /**
   * Closes every file. A task with no rows and no partition columns still writes its (empty or header-only) part
   * file, as Spark does for the first task; callers that want none can skip constructing the writer.
   */
  @Override
  public void close() throws IOException {
    if (writers.isEmpty() && partitionIndex.length == 0) {
      writers.put("", factory.open(compression.wrap(task.open("", fileName)), dataSchema));
    }
    IOException first = null;
    for (RecordWriter w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
