package io.kindling.hadoop.parquet;

import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.format.ScanFilter;
import io.kindling.engine.source.FileSplit;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writing and reading whole Parquet files in tests. */
final class ParquetFiles {
  private ParquetFiles() {}

  static void write(Path file, StructType schema, List<Object[]> rows, FormatOptions options) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ParquetRecordWriter w = new ParquetRecordWriter(out, schema, ParquetOptions.from(options))) {
      for (Object[] r : rows) {
        w.write(r);
      }
    }
  }

  static List<Object[]> read(Path file, StructType data, StructType required, List<ScanFilter> filters,
      FormatOptions options) throws IOException {
    ParquetSplitReader reader = new ParquetSplitReader(data, required, filters, ParquetOptions.from(options));
    RowCollector rows = new RowCollector(required.size());
    reader.read(new FileSplit(file.toString(), 0, Files.size(file), false), rows);
    return rows.rows();
  }

  static List<Object[]> readAll(Path file, FormatOptions options) throws IOException {
    StructType schema = ParquetFormat.footerSchema(file.toString());
    return read(file, schema, schema, List.of(), options);
  }

  static List<List<Object>> asLists(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(deep(r));
    }
    return out;
  }

  /** Arrays (structs, binary) as lists, so that rows compare by value. */
  @SuppressWarnings("unchecked")
  private static List<Object> deep(Object[] values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(deepValue(v));
    }
    return out;
  }

  private static Object deepValue(Object v) {
    if (v instanceof Object[] a) {
      return deep(a);
    }
    if (v instanceof byte[] b) {
      List<Byte> l = new ArrayList<>();
      for (byte x : b) {
        l.add(x);
      }
      return l;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) {
        out.add(deepValue(x));
      }
      return out;
    }
    return v;
  }
}
