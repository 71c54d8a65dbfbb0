package io.kindling.hadoop.parquet;

import io.kindling.engine.format.FormatOptions;
import java.util.List;

/** Parquet directories for the HDFS tests (which live in another package). */
public final class HdfsParquet {
  private HdfsParquet() {}

  public static void write(String path, FormatOptions options) throws Exception {
    ParquetDirectories.write(path, ParquetOutputDirectoryTest.SALES, ParquetOutputDirectoryTest.sales(),
        List.of("region"), options, 3);
  }

  public static List<Integer> readSortedIds(String path, FormatOptions options) {
    return ParquetDirectories.read(path, options).stream().map(r -> (Integer) r[0]).sorted().toList();
  }
}
