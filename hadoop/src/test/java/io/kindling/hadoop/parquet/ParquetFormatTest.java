package io.kindling.hadoop.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parquet ExternalFormat: found by name, schema from footers with Spark's mergeSchema rules. */
class ParquetFormatTest {
  @TempDir
  Path dir;

  private Path file(String name, String ddl) throws Exception {
    Path f = dir.resolve(name);
    ParquetFiles.write(f, StructType.fromDDL(ddl), List.of(), FormatOptions.of());
    return f;
  }

  @Test
  void parquet_isFoundByName() {
    assertThat(ExternalFormat.find("Parquet")).get().isInstanceOf(ParquetFormat.class);
    assertThat(ExternalFormat.require("parquet").name()).isEqualTo("parquet");
  }

  @Test
  void schema_withoutMergeSchema_isTheFirstFiles() throws Exception {
    List<String> files = List.of(file("a.parquet", "id INT, a STRING").toString(),
        file("b.parquet", "id INT, b DOUBLE").toString());

    assertThat(new ParquetFormat().inferSchema(files, FormatOptions.of()))
        .isEqualTo(StructType.fromDDL("id INT, a STRING"));
  }

  @Test
  void schema_withMergeSchema_unitesEveryFilesColumns() throws Exception {
    List<String> files = List.of(file("a.parquet", "id INT, s STRUCT<x: INT>").toString(),
        file("b.parquet", "id INT, b DOUBLE, s STRUCT<y: STRING>").toString());

    assertThat(new ParquetFormat().inferSchema(files, FormatOptions.of("mergeSchema", "true")))
        .isEqualTo(StructType.fromDDL("id INT, s STRUCT<x: INT, y: STRING>, b DOUBLE"));
  }

  @Test
  void mergeSchema_withConflictingTypes_failsAsSpark() throws Exception {
    List<String> files = List.of(file("a.parquet", "id INT").toString(), file("b.parquet", "id STRING").toString());

    assertThatThrownBy(() -> new ParquetFormat().inferSchema(files, FormatOptions.of("mergeSchema", "true")))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("Failed to merge incompatible data types \"INT\" and \"STRING\"");
  }

  @Test
  void noFiles_failsAsSpark() {
    assertThatThrownBy(() -> new ParquetFormat().inferSchema(List.of(), FormatOptions.of()))
        .isInstanceOf(KindlingException.class).hasMessageContaining("[UNABLE_TO_INFER_SCHEMA]");
  }

  @Test
  void notAParquetFile_failsNamingIt() throws Exception {
    Path f = dir.resolve("text.parquet");
    java.nio.file.Files.writeString(f, "hello, this is not parquet");

    assertThatThrownBy(() -> ParquetFormat.footerSchema(f.toString()))
        .hasMessageContaining(f.toString());
  }

  @Test
  void decimalsAndMaps_failNamingTheColumn() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 id;"
        + " optional int64 price (DECIMAL(12,2)); }");
    Path f = dir.resolve("decimal.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f)).withType(schema)
        .withConf(new Configuration(false)).build()) {
      w.write(new SimpleGroupFactory(schema).newGroup().append("id", 1).append("price", 1234L));
    }

    assertThatThrownBy(() -> ParquetFormat.footerSchema(f.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("`price`").hasMessageContaining("DECIMAL").hasMessageContaining("does not support");
  }
}
