package io.kindling.hadoop.parquet;

import static io.kindling.hadoop.parquet.ParquetFiles.asLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Kindling type, nulls and nesting survive a write and a read, with each codec. */
class ParquetRoundTripTest {
  static final StructType ALL_TYPES = StructType.fromDDL("s STRING, i INT, l BIGINT, d DOUBLE, f FLOAT, sh SMALLINT,"
      + " b TINYINT, bo BOOLEAN, dt DATE, ts TIMESTAMP, bin BINARY, arr ARRAY<INT>, st STRUCT<x: INT, y: STRING>,"
      + " arr_st ARRAY<STRUCT<a: BIGINT>>, nested ARRAY<ARRAY<STRING>>");

  @TempDir
  Path dir;

  static List<Object[]> allTypeRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"héllo", 1, 10_000_000_000L, 1.5, 2.5f, (short) 3, (byte) 4, true,
        LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000), new byte[] {1, 2, 3},
        Arrays.asList(1, null, 3), new Object[] {7, "seven"}, Arrays.asList(new Object[] {5L}, null),
        Arrays.asList(Arrays.asList("a", null), null, List.of())});
    rows.add(new Object[15]);
    rows.add(new Object[] {"", Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, Float.NEGATIVE_INFINITY,
        Short.MIN_VALUE, Byte.MIN_VALUE, false, LocalDate.of(1970, 1, 1), LocalDateTime.of(1970, 1, 1, 0, 0),
        new byte[0], List.of(), new Object[] {null, null}, List.of(), List.of()});
    rows.add(new Object[] {"z", Integer.MAX_VALUE, Long.MAX_VALUE, -0.0, Float.MAX_VALUE, Short.MAX_VALUE,
        Byte.MAX_VALUE, true, LocalDate.of(9999, 12, 31), LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000),
        new byte[] {-1}, List.of(42), new Object[] {-1, "x"}, java.util.Collections.singletonList(new Object[] {null}),
        List.of(List.of("only"))});
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "none", "lz4_raw"})
  void everyType_withNullsAndNesting_roundTrips(String codec) throws Exception {
    Path file = dir.resolve("all." + codec + ".parquet");
    FormatOptions options = FormatOptions.of("compression", codec, "timeZone", "UTC");
    ParquetFiles.write(file, ALL_TYPES, allTypeRows(), options);

    assertThat(ParquetFormat.footerSchema(file.toString())).isEqualTo(ALL_TYPES);
    assertThat(asLists(ParquetFiles.readAll(file, options))).isEqualTo(asLists(allTypeRows()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS"})
  void timestamps_inAnyEncodingAndZone_readBackAsWritten(String encoding) throws Exception {
    StructType schema = StructType.fromDDL("ts TIMESTAMP");
    LocalDateTime t = LocalDateTime.of(2024, 7, 1, 23, 30, 15, encoding.equals("TIMESTAMP_MILLIS") ? 123_000_000
        : 123_456_000);
    List<Object[]> rows = List.<Object[]>of(new Object[] {t}, new Object[] {LocalDateTime.of(1969, 12, 31, 23, 59)});
    for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata")) {
      Path file = dir.resolve(encoding + "-" + zone.replace('/', '_') + ".parquet");
      FormatOptions options = FormatOptions.of("outputTimestampType", encoding, "timeZone", zone);
      ParquetFiles.write(file, schema, rows, options);
      assertThat(asLists(ParquetFiles.readAll(file, options))).isEqualTo(asLists(rows));
    }
  }

  @Test
  void timestamp_isStoredAsAnInstant_soAnotherZoneSeesItShifted() throws Exception {
    Path file = dir.resolve("la.parquet");
    ParquetFiles.write(file, StructType.fromDDL("ts TIMESTAMP"),
        List.<Object[]>of(new Object[] {LocalDateTime.of(2024, 1, 15, 8, 0)}),
        FormatOptions.of("timeZone", "America/Los_Angeles"));

    List<Object[]> inUtc = ParquetFiles.readAll(file, FormatOptions.of("timeZone", "UTC"));

    assertThat(inUtc.get(0)[0]).isEqualTo(LocalDateTime.of(2024, 1, 15, 16, 0));
  }

  @Test
  void requiredSchema_subsetInAnotherOrder_readsOnlyThoseColumns() throws Exception {
    Path file = dir.resolve("all.parquet");
    ParquetFiles.write(file, ALL_TYPES, allTypeRows(), FormatOptions.of("timeZone", "UTC"));

    StructType required = StructType.fromDDL("st STRUCT<x: INT, y: STRING>, l BIGINT, s STRING");
    List<Object[]> rows = ParquetFiles.read(file, ALL_TYPES, required, List.of(), FormatOptions.of());

    assertThat(asLists(rows)).containsExactly(
        Arrays.asList(Arrays.asList(7, "seven"), 10_000_000_000L, "héllo"),
        Arrays.asList(null, null, null),
        Arrays.asList(Arrays.asList(null, null), Long.MIN_VALUE, ""),
        Arrays.asList(Arrays.asList(-1, "x"), Long.MAX_VALUE, "z"));
  }

  @Test
  void requiredColumn_missingFromTheFile_readsAsNull() throws Exception {
    Path file = dir.resolve("narrow.parquet");
    ParquetFiles.write(file, StructType.fromDDL("a INT"), List.<Object[]>of(new Object[] {1}, new Object[] {2}),
        FormatOptions.of());
    StructType wide = StructType.fromDDL("a INT, b STRING");

    assertThat(asLists(ParquetFiles.read(file, wide, StructType.fromDDL("b STRING, a INT"), List.of(),
        FormatOptions.of()))).containsExactly(Arrays.asList(null, 1), Arrays.asList(null, 2));
  }

  @Test
  void noColumnsRequired_stillCountsRows() throws Exception {
    Path file = dir.resolve("count.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      rows.add(new Object[] {i});
    }
    ParquetFiles.write(file, StructType.fromDDL("a INT"), rows, FormatOptions.of());

    assertThat(ParquetFiles.read(file, StructType.fromDDL("a INT"), new StructType(), List.of(), FormatOptions.of()))
        .hasSize(1234);
  }

  @Test
  void columnName_inAnotherCase_matchesAsSparkDoes() throws Exception {
    Path file = dir.resolve("case.parquet");
    ParquetFiles.write(file, StructType.fromDDL("Price DOUBLE"), List.<Object[]>of(new Object[] {2.0}),
        FormatOptions.of());

    assertThat(ParquetFiles.read(file, StructType.fromDDL("price DOUBLE"), StructType.fromDDL("price DOUBLE"),
        List.of(), FormatOptions.of()).get(0)).containsExactly(2.0);
  }

  @Test
  void requiredType_differentFromTheFile_failsNamingBoth() throws Exception {
    Path file = dir.resolve("int.parquet");
    ParquetFiles.write(file, StructType.fromDDL("a INT"), List.<Object[]>of(new Object[] {1}), FormatOptions.of());

    assertThatThrownBy(() -> ParquetFiles.read(file, StructType.fromDDL("a STRING"), StructType.fromDDL("a STRING"),
        List.of(), FormatOptions.of()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("`a`").hasMessageContaining("INT").hasMessageContaining("STRING");
  }

  @Test
  void nullInNonNullableColumn_failsNamingTheColumn() {
    StructType schema = new StructType().add("id", DataTypes.LongType, false);

    assertThatThrownBy(() -> ParquetFiles.write(dir.resolve("nn.parquet"), schema,
        List.<Object[]>of(new Object[] {null}), FormatOptions.of()))
        .isInstanceOf(KindlingException.class).hasMessageContaining("`id` is not nullable");
  }

  @Test
  void nullType_cannotBeWritten_asInSpark() {
    assertThatThrownBy(() -> new ParquetFormat().writer(new StructType().add("n", DataTypes.NullType),
        FormatOptions.of()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("doesn't support the column `n` of the type \"VOID\"");
  }

  @Test
  void unknownOrUnsupportedCodec_failsClearly() {
    assertThatThrownBy(() -> ParquetOptions.from(FormatOptions.of("compression", "brotli")))
        .isInstanceOf(KindlingException.class).hasMessageContaining("not supported by Kindling");
    assertThatThrownBy(() -> ParquetOptions.from(FormatOptions.of("compression", "foo")))
        .isInstanceOf(KindlingException.class).hasMessageContaining("Codec [foo] is not available");
  }

  @Test
  void fileExtensions_areSparks() {
    assertThat(new ParquetFormat().fileExtension(FormatOptions.of())).isEqualTo(".snappy.parquet");
    assertThat(new ParquetFormat().fileExtension(FormatOptions.of("compression", "zstd"))).isEqualTo(".zstd.parquet");
    assertThat(new ParquetFormat().fileExtension(FormatOptions.of("compression", "none"))).isEqualTo(".parquet");
    assertThat(new ParquetFormat().fileExtension(FormatOptions.of("compression", "gzip"))).isEqualTo(".gz.parquet");
  }
}
