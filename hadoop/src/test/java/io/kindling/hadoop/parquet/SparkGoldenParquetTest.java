package io.kindling.hadoop.parquet;

import static io.kindling.hadoop.parquet.ParquetFiles.asLists;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.StructType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files written by Spark 3.5.3 (see src/test/resources/golden/README.md) read as Spark wrote them. */
class SparkGoldenParquetTest {
  private static final FormatOptions UTC = FormatOptions.of("timeZone", "UTC");

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(SparkGoldenParquetTest.class.getResource("/golden/" + name).toURI());
  }

  @Test
  void sparkDefaults_snappyAndInt96_readEveryTypeAndNull() throws Exception {
    Path file = golden("all_types.snappy.parquet");

    assertThat(ParquetFormat.footerSchema(file.toString())).isEqualTo(ParquetRoundTripTest.ALL_TYPES);
    assertThat(asLists(ParquetFiles.readAll(file, UTC)))
        .isEqualTo(asLists(ParquetRoundTripTest.allTypeRows().subList(0, 3)));
  }

  @Test
  void sparkZstd_readsTheSameRows() throws Exception {
    assertThat(asLists(ParquetFiles.readAll(golden("all_types.zstd.parquet"), UTC)))
        .isEqualTo(asLists(ParquetRoundTripTest.allTypeRows().subList(0, 3)));
  }

  @Test
  void sparkGzip_withPrunedColumns() throws Exception {
    Path file = golden("i_s_ts.gz.parquet");
    StructType data = ParquetFormat.footerSchema(file.toString());

    List<Object[]> rows = ParquetFiles.read(file, data, StructType.fromDDL("s STRING"), List.of(), UTC);

    assertThat(asLists(rows)).containsExactly(List.of("héllo"), Arrays.asList((Object) null), List.of(""));
  }

  @Test
  void sparkTimestampMicros_readInTheSessionZone() throws Exception {
    Path file = golden("ts_micros.snappy.parquet");

    assertThat(ParquetFormat.footerSchema(file.toString())).isEqualTo(StructType.fromDDL("i INT, ts TIMESTAMP"));
    assertThat(ParquetFiles.readAll(file, UTC).get(0)[1]).isEqualTo(LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000));
    assertThat(ParquetFiles.readAll(file, FormatOptions.of("timeZone", "Asia/Tokyo")).get(0)[1])
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 21, 34, 56, 789_012_000));
  }
}
