package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
    this.partitionIndex = partitionIndexes(schema, partitionColumns);
    this.dataIndex = IntStream.range(0, schema.size())
        .filter(i -> Arrays.stream(partitionIndex).noneMatch(p -> p == i)).toArray();
    if (dataIndex.length == 0) {
      throw new KindlingException("Cannot use all columns for partition columns");
    }
    this.dataSchema = new StructType(Arrays.stream(dataIndex).mapToObj(schema::get).toList());
    this.partitionValues = new Object[partitionIndex.length];
    this.dataValues = new Object[dataIndex.length];
  }

  /** The columns the files hold: {@code schema} without the partition columns. */
  public static StructType dataSchema(StructType schema, List<String> partitionColumns) {
    int[] partitions = partitionIndexes(schema, partitionColumns);
    return new StructType(IntStream.range(0, schema.size())
        .filter(i -> Arrays.stream(partitions).noneMatch(p -> p == i)).mapToObj(schema::get).toList());
  }

  /**
   * The fields the partition columns name, without case, as Spark resolves {@code partitionBy}; the directories
   * take the names as given ({@code partitionBy("B")} of a column {@code b} writes {@code B=1/}).
   */
  private static int[] partitionIndexes(StructType schema, List<String> partitionColumns) {
    int[] out = new int[partitionColumns.size()];
    for (int i = 0; i < out.length; i++) {
      String column = partitionColumns.get(i);
      out[i] = IntStream.range(0, schema.size()).filter(f -> schema.get(f).name().equalsIgnoreCase(column))
          .findFirst().orElseThrow(() -> new KindlingException("Partition column `" + column
              + "` not found in schema " + schema.simpleString()));
    }
    return out;
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
