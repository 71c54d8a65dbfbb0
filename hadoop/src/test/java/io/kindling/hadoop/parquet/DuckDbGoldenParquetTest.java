package io.kindling.hadoop.parquet;

import static io.kindling.hadoop.parquet.ParquetFiles.asLists;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DuckDB's {@code COPY … TO (FORMAT parquet)} output (src/test/resources/golden/README.md) reads in Kindling. */
class DuckDbGoldenParquetTest {

  @Test
  void duckDbCopy_readsEveryTypeAndNull() throws Exception {
    Path file = Path.of(DuckDbGoldenParquetTest.class.getResource("/golden/duckdb_copy.parquet").toURI());
    StructType expected = StructType.fromDDL("s STRING, i INT, l BIGINT, d DOUBLE, f FLOAT, sh SMALLINT,"
        + " b TINYINT, bo BOOLEAN, dt DATE, ts TIMESTAMP, arr ARRAY<INT>, st STRUCT<x: INT, y: STRING>");

    assertThat(ParquetFormat.footerSchema(file.toString()).simpleString()).isEqualTo(expected.simpleString());
    // DuckDB's TIMESTAMP is not adjusted to UTC: it reads as written whatever the session zone.
    List<Object[]> rows = ParquetFiles.readAll(file, FormatOptions.of("timeZone", "Asia/Tokyo"));
    List<List<Object>> want = new ArrayList<>();
    for (Object[] r : ParquetRoundTripTest.allTypeRows().subList(0, 3)) {
      List<Object> l = new ArrayList<>(Arrays.asList(r).subList(0, 10));
      l.add(r[11]);
      l.add(r[12]);
      want.add(l);
    }
    assertThat(asLists(rows)).isEqualTo(asLists(want.stream().map(List::toArray).toList()));
  }
}
