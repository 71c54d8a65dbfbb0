package io.kindling.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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

import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write case Spark 3.5.3 answered (spark-write-golden.json): the same rows must give the same bytes and file
 * names. A case gives its own {@code schema} (DDL), {@code rows} (JSON values) and {@code partitionBy}, or uses
 * {@link #rows()}.
 */
class SparkGoldenWriteTest {
  @TempDir
  Path dir;

  static final StructType SCHEMA = StructType.fromDDL(
      "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN, dt DATE, ts TIMESTAMP, f FLOAT");

  static List<Object[]> rows() {
    LocalDateTime ts = LocalDateTime.of(2024, 5, 29, 7, 33, 4);
    return List.of(
        new Object[] {1, 10000000001L, 1.5, "plain", true, LocalDate.of(2024, 5, 29), ts, 2.5f},
        new Object[] {null, null, null, null, null, null, null, null},
        new Object[] {-2, -3L, 1.0E10, "a,b", false, LocalDate.of(1, 1, 1), ts.withNano(123456000), 1.0E10f},
        new Object[] {3, 4L, Double.NaN, "q\"uote", true, LocalDate.of(2024, 12, 31),
            LocalDateTime.of(1970, 1, 1, 0, 0), Float.NaN},
        new Object[] {4, 5L, Double.POSITIVE_INFINITY, "", false, null, null, 0.1f},
        new Object[] {5, 6L, 0.1, "line\nbreak", false, null, null, -0.0f},
        new Object[] {6, 7L, 1.0E-5, "back\\slash", false, null, null, 1.0E-5f},
        new Object[] {7, 8L, -0.0, " lead trail ", false, null, null, 100.0f},
        new Object[] {8, 9L, 123456789.125, "comma,and\"quote", false, null, null, 1234567.0f},
        new Object[] {9, 10L, 1.0E7, "#hash", false, null, null, 1.0E7f},
        new Object[] {10, 11L, 9999999.0, "tab\there", false, null, null, 12345678.0f},
        new Object[] {11, 12L, 0.001, "cr\rhere", false, null, null, 0.001f},
        new Object[] {12, 13L, 1.0E-3, "\u00e9t\u00e9", false, null, null, 1.0E-3f});
  }

  @TestFactory
  Stream<DynamicTest> sparkWriteCases() {
    return Golden.cases("spark-write-golden.json").stream()
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, dir)));
  }

  private static void check(JsonNode c, Path dir) throws IOException {
    String name = c.get("name").asText();
    FormatOptions given = FormatOptions.of(Golden.options(c));
    FormatOptions options = given.contains("timeZone") ? given : given.with("timeZone", "UTC");
    StructType schema = SCHEMA;
    List<Object[]> rows = rows();
    List<String> partitionBy = new ArrayList<>();
    c.path("partitionBy").forEach(p -> partitionBy.add(p.asText()));
    if (c.has("schema")) {
      schema = StructType.fromDDL(c.get("schema").asText());
      rows = new ArrayList<>();
      for (JsonNode r : c.get("rows")) {
        rows.add((Object[]) value(r, schema));
      }
    } else if (name.startsWith("text_")) {
      int[] cols = name.equals("text_default") ? new int[] {3} : name.equals("text_int") ? new int[] {0}
          : new int[] {3, 0};
      schema = select(SCHEMA, cols);
      rows = rows.stream().map(r -> Arrays.stream(cols).mapToObj(i -> r[i]).toArray()).toList();
    } else if (name.endsWith("_nested")) {
      schema = StructType.fromDDL("a ARRAY<INT>, st STRUCT<x: INT, y: STRING>");
      rows = List.of(new Object[] {Arrays.asList(1, null, 3), new Object[] {1, "q"}},
          new Object[] {null, new Object[] {null, null}});
    }
    Path target = dir.resolve(name);
    String format = c.get("format").asText();
    if (c.has("expectError")) {
      StructType s = schema;
      assertThatThrownBy(() -> write(format, options, s, List.of(), partitionBy, target))
          .hasMessageContaining(c.get("expectError").asText().replaceFirst("^AnalysisException: ", ""));
      return;
    }
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      write(format, options, schema, rows, partitionBy, target);
    } finally {
      TimeZone.setDefault(saved);
    }
    List<String> files = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try (Stream<Path> list = Files.walk(target)) {
      for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
        String fileName = p.getFileName().toString();
        files.add(target.relativize(p).toString().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "UUID"));
        if (fileName.startsWith("part-")) {
          try (InputStream in = fileName.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
              : Files.newInputStream(p)) {
            text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(text.toString()).isEqualTo(c.get("expectOutput").asText());
    List<String> sparkFiles = new ArrayList<>();
    c.get("files").forEach(f -> {
      if (!f.asText().endsWith(".crc")) {
        sparkFiles.add(f.asText());
      }
    });
    assertThat(files).isEqualTo(sparkFiles);
  }

  static StructType select(StructType s, int[] cols) {
    StructType out = new StructType();
    for (int i : cols) {
      out = out.add(s.get(i));
    }
    return out;
  }

  /**
   * A JSON value as Kindling's row value of {@code type}: structs as {@code Object[]}, arrays as lists, dates and
   * timestamps (UTC wall clock, as Spark's session) from ISO text.
   */
  static Object value(JsonNode v, DataType type) {
    if (v.isNull()) {
      return null;
    }
    if (type instanceof StructType s) {
      Object[] out = new Object[s.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = value(v.get(i), s.get(i).dataType());
      }
      return out;
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      v.forEach(e -> out.add(value(e, a.elementType())));
      return out;
    }
    if (type.equals(DataTypes.DateType)) {
      return LocalDate.parse(v.asText());
    }
    if (type.equals(DataTypes.TimestampType)) {
      return LocalDateTime.parse(v.asText());
    }
    return type.equals(DataTypes.IntegerType) ? (Object) v.asInt() : v.asText();
  }

  static void write(String format, FormatOptions options, StructType schema, List<Object[]> rows,
      List<String> partitionBy, Path target) throws IOException {
    RecordWriter.Factory factory;
    Compression compression;
    String extension;
    switch (format) {
      case "csv" -> {
        CsvOptions o = CsvOptions.from(options);
        factory = CsvWriter.factory(o);
        compression = o.compression();
        extension = ".csv";
      }
      case "json" -> {
        JsonOptions o = JsonOptions.from(options);
        factory = JsonWriter.factory(o);
        compression = o.compression();
        extension = ".json";
      }
      default -> {
        TextOptions o = TextOptions.from(options);
        factory = TextWriter.factory(o);
        compression = o.compression();
        extension = ".txt";
      }
    }
    OutputDirectory out = OutputDirectory.prepare(target.toString(), SaveMode.ERROR_IF_EXISTS).orElseThrow();
    try {
      try (OutputDirectory.TaskOutput task = out.task(0, 0)) {
        String fileName = out.partFileName(0, extension, !partitionBy.isEmpty());
        try (PartitionedWriter w = new PartitionedWriter(task, fileName, schema, partitionBy, factory, compression)) {
          for (Object[] r : rows) {
            w.write(r);
          }
        }
        task.commitTask();
      }
      out.commit();
    } catch (RuntimeException | IOException e) {
      out.abort();
      throw e;
    }
  }

}
