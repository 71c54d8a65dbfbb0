package io.kindling.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvReader;
import io.kindling.engine.format.csv.CsvSchemaInference;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonReader;
import io.kindling.engine.format.json.JsonSchemaInference;
import io.kindling.engine.format.text.TextOptions;
import io.kindling.engine.format.text.TextReader;
import io.kindling.engine.source.FileSplit;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read case Spark 3.5.3 answered (src/test/resources/format/spark-read-golden.json): the same input and
 * options through Kindling's readers must give Spark's schema and rows, or fail where Spark fails. Known,
 * documented differences are listed in {@link #DIFFERENCES} with Kindling's answer.
 */
class SparkGoldenReadTest {
  /**
   * Spark throws SparkUpgradeException (its legacy parser would have accepted the text) for these dates, failing
   * the whole read even in PERMISSIVE mode; Kindling treats them as unparsable values. Spark refuses a query whose
   * only column is the corrupt-record column (json_corrupt_only); Kindling answers it.
   */
  private static final Map<String, List<List<String>>> DIFFERENCES = Map.of(
      "type_DATE_9", List.of(java.util.Collections.singletonList(null)),
      "type_DATE_11", List.of(java.util.Collections.singletonList(null)),
      "json_corrupt_only", List.of(List.of("s:{bad")));

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> sparkReadCases() {
    return Golden.cases("spark-read-golden.json").stream()
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, dir)));
  }

  private static void check(JsonNode c, Path dir) throws IOException {
    String name = c.get("name").asText();
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      Path file = dir.resolve(name + "." + c.get("format").asText());
      Files.write(file, c.get("input").asText().getBytes(StandardCharsets.UTF_8));
      FormatOptions options = FormatOptions.of(Golden.options(c));
      String ddl = c.hasNonNull("schema") ? c.get("schema").asText() : null;
      boolean sparkFailed = c.has("expectError");
      boolean schemaKnown = c.hasNonNull("expectSchema");
      if (sparkFailed && !DIFFERENCES.containsKey(name)) {
        assertThatThrownBy(() -> read(c.get("format").asText(), file, options, ddl))
            .as("Spark failed with: %s", c.get("expectError").asText().lines().findFirst().orElse(""))
            .isInstanceOf(RuntimeException.class);
        if (schemaKnown && ddl == null) {
          assertThat(schema(c.get("format").asText(), file, options).simpleString())
              .isEqualTo(Golden.kindlingSchema(c.get("expectSchema").asText()));
        }
        return;
      }
      Result r = read(c.get("format").asText(), file, options, ddl);
      assertThat(r.schema.simpleString()).isEqualTo(Golden.kindlingSchema(c.get("expectSchema").asText()));
      List<List<String>> expected = DIFFERENCES.containsKey(name) ? DIFFERENCES.get(name) : Golden.expectedRows(c);
      if (name.endsWith("TIMESTAMP_12")) {
        expected = List.of(List.of("ts:" + LocalDate.now() + "T07:33:04"));
      }
      assertThat(Golden.render(r.rows)).isEqualTo(expected);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  private record Result(StructType schema, List<Object[]> rows) {}

  private static StructType schema(String format, Path file, FormatOptions options) {
    return switch (format) {
      case "csv" -> CsvSchemaInference.infer(List.of(file), CsvOptions.from(options), Long.MAX_VALUE);
      case "json" -> JsonSchemaInference.infer(List.of(file), JsonOptions.from(options), Long.MAX_VALUE);
      case "text" -> TextReader.schema();
      default -> throw new IllegalArgumentException(format);
    };
  }

  private static Result read(String format, Path file, FormatOptions options, String ddl) {
    StructType schema = ddl != null ? StructType.fromDDL(ddl) : schema(format, file, options);
    FileSplit split = new FileSplit(file.toString(), 0, size(file), false);
    RowCollector rows = new RowCollector(schema.size());
    switch (format) {
      case "csv" -> new CsvReader(CsvOptions.from(options), schema, schema).read(split, rows);
      case "json" -> new JsonReader(JsonOptions.from(options), schema, schema).read(split, rows);
      case "text" -> new TextReader(TextOptions.from(options)).read(split, rows);
      default -> throw new IllegalArgumentException(format);
    }
    return new Result(schema, new ArrayList<>(rows.rows()));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
