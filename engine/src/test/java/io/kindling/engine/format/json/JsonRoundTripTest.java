package io.kindling.engine.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.Golden;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRoundTripTest {
  @TempDir
  Path dir;

  @Test
  void writeThenRead_nestedValues_comeBackEqual() throws IOException {
    FormatOptions fo = FormatOptions.of("timeZone", "UTC");
    JsonOptions o = JsonOptions.from(fo);
    StructType schema = StructType.fromDDL(
        "id BIGINT, name STRING, score DOUBLE, day DATE, at TIMESTAMP, tags ARRAY<STRING>, p STRUCT<x: INT, y: STRING>");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(new Object[] {(long) i, "n\"" + i, i / 4.0, LocalDate.of(2024, 1, 1).plusDays(i),
          LocalDateTime.of(2024, 5, 29, 7, 33, 4).plusSeconds(i), Arrays.asList("a", null, "c" + i),
          i % 5 == 0 ? null : new Object[] {i, i % 2 == 0 ? null : "odd"}});
    }
    Path f = dir.resolve("data.json");
    try (OutputStream out = Files.newOutputStream(f); JsonWriter w = new JsonWriter(out, schema, o)) {
      for (Object[] r : rows) {
        w.write(r);
      }
    }
    List<Object[]> back = new ArrayList<>();
    for (FileSplit s : FileSplitter.split(List.of(f), 3, Long.MAX_VALUE)) {
      RowCollector c = new RowCollector(schema.size());
      new JsonReader(o, schema, schema).read(s, c);
      back.addAll(c.rows());
    }
    assertThat(Golden.render(back)).isEqualTo(Golden.render(rows));
    StructType inferred = JsonSchemaInference.infer(List.of(f), JsonOptions.from(fo), Long.MAX_VALUE);
    assertThat(inferred.simpleString()).isEqualTo(
        "struct<at:string,day:string,id:bigint,name:string,p:struct<x:bigint,y:string>,score:double,tags:array<string>>");
  }

  @Test
  void options_multiLineRejected_unknownIgnored() {
    assertThatThrownBy(() -> JsonOptions.from(FormatOptions.of("multiLine", "true")))
        .hasMessageContaining("'multiLine' = 'true' is not supported");
    assertThat(JsonOptions.from(FormatOptions.of("whatever", "x")).mode().name()).isEqualTo("PERMISSIVE");
  }
}
