package io.kindling.hadoop.parquet;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import io.kindling.SessionMetrics;
import io.kindling.rdd.RDD;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet through the public DataFrame API: {@code read().parquet}, {@code write().parquet}, their
 * {@code format("parquet")} forms, every type with nulls, column pruning, filters that skip row groups (counted
 * by the session's metrics), partitionBy, compression, mergeSchema, save modes and bad inputs.
 */
class ParquetDataFrameTest {
  static final StructType ALL = StructType.fromDDL("s STRING, i INT, l BIGINT, d DOUBLE, f FLOAT, bo BOOLEAN,"
      + " dt DATE, ts TIMESTAMP, sh SMALLINT, by TINYINT, arr ARRAY<INT>, st STRUCT<x: INT, y: STRING>,"
      + " arr_st ARRAY<STRUCT<a: BIGINT>>");

  static KindlingSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  static List<Row> allTypeRows() {
    StructType st = (StructType) ALL.apply("st").dataType();
    StructType a = StructType.fromDDL("a BIGINT");
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("héllo", 1, 10_000_000_000L, 1.5, 2.5f, true, LocalDate.of(2024, 2, 29),
        LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000), (short) 3, (byte) 4, Arrays.asList(1, null, 3),
        Row.create(st, 7, "seven"), Arrays.asList(
            Row.create(a, 5L), null)));
    rows.add(Row.of(new Object[13]));
    rows.add(Row.of("", Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, Float.NEGATIVE_INFINITY, false,
        LocalDate.of(1970, 1, 1), LocalDateTime.of(1970, 1, 1, 0, 0), Short.MIN_VALUE, Byte.MIN_VALUE, List.of(),
        Row.create(st, null, null), List.of()));
    rows.add(Row.of("z", Integer.MAX_VALUE, Long.MAX_VALUE, -0.0, Float.MAX_VALUE, true, LocalDate.of(9999, 12, 31),
        LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000), Short.MAX_VALUE, Byte.MAX_VALUE, List.of(42),
        Row.create(st, -1, "x"), List.of()));
    return rows;
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<String> partFiles(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
          .filter(n -> !n.startsWith("_") && !n.contains("/_") && !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void everyType_withNulls_roundTripsThroughWriteAndRead() {
    DataFrame df = session.createDataFrame(allTypeRows(), ALL);
    String out = dir.resolve("all").toString();

    df.write().parquet(out);
    DataFrame back = session.read().parquet(out);

    assertThat(back.schema()).isEqualTo(ALL);
    assertThat(sorted(back)).isEqualTo(sorted(df));
    assertThat(back.filter(col("i").isNull()).count()).isEqualTo(1);
  }

  @Test
  void formatLoadAndSave_areTheSameAsParquetMethods_andParquetIsTheDefault() {
    DataFrame df = session.range(0, 10).withColumn("sq", col("id").multiply(col("id")));
    String a = dir.resolve("a").toString();
    String b = dir.resolve("b").toString();

    df.write().format("parquet").save(a);
    df.write().save(b);

    assertThat(sorted(session.read().format("parquet").load(a))).isEqualTo(sorted(df));
    assertThat(sorted(session.read().load(b))).isEqualTo(sorted(df));
    assertThat(session.read().format("parquet").option("path", a).load().count()).isEqualTo(10);
  }

  @Test
  void writtenFiles_areSparkNamedSnappyFiles_readableByParquetHadoop() throws IOException {
    Path out = dir.resolve("plain");
    session.range(0, 100, 1, 2).write().parquet(out.toString());

    List<String> parts = partFiles(out);
    assertThat(parts).hasSize(2).allMatch(n -> n.matches("part-0000[01]-[0-9a-f-]{36}-c000\\.snappy\\.parquet"));
    assertThat(out.resolve("_SUCCESS")).exists();
    long rows = 0;
    for (String p : parts) {
      try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out.resolve(p)))) {
        rows += r.getRecordCount();
      }
    }
    assertThat(rows).isEqualTo(100);
  }

  /** 2,000 rows sorted by id in one file of 20 row groups (parquet-mr checks the size every 100 rows). */
  private String sortedFileOfTwentyRowGroups() throws IOException {
    String out = dir.resolve("sorted").toString();
    session.range(0, 2000, 1, 1).withColumn("name", functionsConcat())
        .write().option("parquet.block.size", 1).parquet(out);
    Path file = Path.of(out).resolve(partFiles(Path.of(out)).get(0));
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(r.getRowGroups()).hasSize(20);
    }
    return out;
  }

  private static io.kindling.sql.Column functionsConcat() {
    return io.kindling.sql.functions.concat(lit("name-"), col("id").cast("string"));
  }

  @Test
  void filter_pushedIntoTheScan_skipsRowGroupsByStatistics() throws IOException {
    String path = sortedFileOfTwentyRowGroups();
    SessionMetrics m = session.metrics();

    long read0 = m.rowGroupsRead();
    long skipped0 = m.rowGroupsSkipped();
    List<Row> one = session.read().parquet(path).filter(col("id").equalTo(1234)).collectAsList();
    assertThat(one).extracting(r -> r.getString(1)).containsExactly("name-1234");
    assertThat(m.rowGroupsRead() - read0).isEqualTo(1);
    assertThat(m.rowGroupsSkipped() - skipped0).isEqualTo(19);

    long read1 = m.rowGroupsRead();
    long range = session.read().parquet(path).where(col("id").geq(1850L).and(col("name").isNotNull())).count();
    assertThat(range).isEqualTo(150);
    assertThat(m.rowGroupsRead() - read1).isEqualTo(2);

    long read2 = m.rowGroupsRead();
    assertThat(session.read().parquet(path).filter(col("id").lt(0)).count()).isZero();
    assertThat(m.rowGroupsRead() - read2).isZero();
  }

  @Test
  void filter_thatCannotBePushed_readsEveryRowGroupAndIsStillExact() throws IOException {
    String path = sortedFileOfTwentyRowGroups();
    long read0 = session.metrics().rowGroupsRead();

    long n = session.read().parquet(path).filter(col("id").mod(lit(100)).equalTo(7)).count();

    assertThat(n).isEqualTo(20);
    assertThat(session.metrics().rowGroupsRead() - read0).isEqualTo(20);
  }

  @Test
  void explain_showsPushedFiltersAndThePrunedReadSchema() throws IOException {
    String path = sortedFileOfTwentyRowGroups();
    String plan = session.read().parquet(path).filter(col("id").gt(5)).select("name").explainString(false);

    assertThat(plan).contains("FileScan parquet").contains("PushedFilters: [(id#").contains("> 5)]")
        .contains("ReadSchema: struct<name:string>");
  }

  @Test
  void columnPruning_readsOnlyTheColumnsUsed() {
    String out = dir.resolve("pruned").toString();
    session.range(0, 5).withColumn("other", lit("x")).write().parquet(out);

    // The user schema gives `other` a type it does not have in the file: reading it would fail, so a query that
    // never uses it proves that it is not read.
    DataFrame df = session.read().schema("id BIGINT, other INT").parquet(out);
    assertThat(df.select("id").collectAsList()).hasSize(5);
    assertThatThrownBy(() -> df.select("other").collectAsList()).hasStackTraceContaining("other");
  }

  @Test
  void userSchema_isHonoured_missingColumnsReadAsNull() {
    String out = dir.resolve("user").toString();
    session.range(0, 3).write().parquet(out);

    DataFrame df = session.read().schema("id BIGINT, absent STRING").parquet(out);

    assertThat(df.columns()).containsExactly("id", "absent");
    assertThat(sorted(df)).containsExactly("[0,null]", "[1,null]", "[2,null]");
  }

  @Test
  void partitionBy_writesHiveDirectories_readBackAsColumns_andPrunesDirectories() throws IOException {
    StructType schema = StructType.fromDDL("id INT, region STRING, year INT");
    List<Row> rows = List.of(Row.of(1, "eu", 2023), Row.of(2, "us", 2024), Row.of(3, "eu", 2024),
        Row.of(4, null, 2024));
    String out = dir.resolve("parts").toString();
    session.createDataFrame(rows, schema).write().partitionBy("region", "year").parquet(out);

    assertThat(partFiles(Path.of(out))).extracting(p -> p.substring(0, p.lastIndexOf('/'))).containsOnly(
        "region=eu/year=2023", "region=eu/year=2024", "region=us/year=2024",
        "region=__HIVE_DEFAULT_PARTITION__/year=2024");
    DataFrame back = session.read().parquet(out);
    assertThat(back.schema().toDDL()).isEqualTo("id INT,region STRING,year INT");
    assertThat(sorted(back)).containsExactly("[1,eu,2023]", "[2,us,2024]", "[3,eu,2024]", "[4,null,2024]");
    assertThat(sorted(back.filter(col("year").equalTo(2024).and(col("region").equalTo("eu")))))
        .containsExactly("[3,eu,2024]");
    assertThat(back.explainString(false)).contains("PartitionFilters: [");
  }

  @Test
  void compression_optionPicksTheCodec_andNamesFilesAsSpark() throws IOException {
    DataFrame df = session.range(0, 50, 1, 1);
    for (String[] c : new String[][] {{"zstd", ".zstd.parquet"}, {"gzip", ".gz.parquet"}, {"none", ".parquet"},
        {"uncompressed", ".parquet"}, {"snappy", ".snappy.parquet"}}) {
      Path out = dir.resolve("codec-" + c[0]);
      df.write().option("compression", c[0]).parquet(out.toString());

      String part = partFiles(out).get(0);
      assertThat(part).endsWith("-c000" + c[1]);
      try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out.resolve(part)))) {
        String codec = r.getRowGroups().get(0).getColumns().get(0).getCodec().name();
        assertThat(codec).isEqualTo(c[0].equals("none") || c[0].equals("uncompressed") ? "UNCOMPRESSED"
            : c[0].toUpperCase());
      }
      assertThat(session.read().parquet(out.toString()).count()).isEqualTo(50);
    }
  }

  @Test
  void compression_unknownCodec_failsBeforeWritingAnything() {
    Path out = dir.resolve("bad-codec");

    assertThatThrownBy(() -> session.range(0, 5).write().option("compression", "lzx").parquet(out.toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("Codec [lzx] is not available");
    assertThat(out).doesNotExist();
  }

  @Test
  void mergeSchema_offReadsOneFilesSchema_onMergesThemAll() {
    String root = dir.resolve("merge").toString();
    session.range(0, 2).withColumn("a", lit(1)).write().parquet(root + "/k=1");
    session.range(2, 4).withColumn("b", lit("two")).write().parquet(root + "/k=2");

    DataFrame plain = session.read().parquet(root);
    assertThat(plain.columns()).containsExactly("id", "a", "k");
    assertThat(plain.count()).isEqualTo(4);

    DataFrame merged = session.read().option("mergeSchema", true).parquet(root);
    assertThat(merged.columns()).containsExactly("id", "a", "b", "k");
    assertThat(sorted(merged)).containsExactly("[0,1,null,1]", "[1,1,null,1]", "[2,null,two,2]",
        "[3,null,two,2]");
  }

  @Test
  void mergeSchema_conflictingTypes_failNamingTheColumn() {
    String root = dir.resolve("conflict").toString();
    session.range(0, 2).write().parquet(root + "/k=1");
    session.range(0, 2).select(col("id").cast("string").as("id")).write().parquet(root + "/k=2");

    assertThatThrownBy(() -> session.read().option("mergeSchema", true).parquet(root))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("Failed to merge fields 'id'");
  }

  @Test
  void saveModes_errorAppendOverwriteIgnore() {
    String out = dir.resolve("modes").toString();
    session.range(0, 3).write().parquet(out);

    assertThatThrownBy(() -> session.range(0, 3).write().parquet(out)).hasMessageContaining("[PATH_ALREADY_EXISTS]");
    session.range(3, 5).write().mode("append").parquet(out);
    assertThat(session.read().parquet(out).count()).isEqualTo(5);
    session.range(10, 11).write().mode("overwrite").parquet(out);
    assertThat(sorted(session.read().parquet(out))).containsExactly("[10]");
    session.range(0, 100).write().mode("ignore").parquet(out);
    assertThat(sorted(session.read().parquet(out))).containsExactly("[10]");
  }

  @Test
  void failedOverwrite_leavesThePreviousOutputIntact() {
    String out = dir.resolve("atomic").toString();
    session.range(0, 4).write().parquet(out);
    RDD<Row> failing = session.parallelize(List.of(1L, 2L, 3L, 4L), 2).map(ParquetDataFrameTest::failOnThree);
    DataFrame bad = session.createDataFrame(failing, StructType.fromDDL("id BIGINT"));

    assertThatThrownBy(() -> bad.write().mode("overwrite").parquet(out)).hasStackTraceContaining("row 3 is bad");

    assertThat(sorted(session.read().parquet(out))).containsExactly("[0]", "[1]", "[2]", "[3]");
    assertThat(Path.of(out).getParent().toFile().list()).allMatch(n -> !n.contains(".tmp"));
  }

  private static Row failOnThree(long v) {
    if (v == 3) {
      throw new IllegalStateException("row 3 is bad");
    }
    return Row.of(v);
  }

  @Test
  void missingPath_failsLikeSpark() {
    Path missing = dir.resolve("nothing-here");

    assertThatThrownBy(() -> session.read().parquet(missing.toString())).isInstanceOf(AnalysisException.class)
        .hasMessage("[PATH_NOT_FOUND] Path does not exist: file:" + missing + ".");
  }

  @Test
  void unknownColumnInFilter_failsNamingIt() {
    String out = dir.resolve("cols").toString();
    session.range(0, 3).write().parquet(out);

    assertThatThrownBy(() -> session.read().parquet(out).filter(col("nope").gt(1)))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("nope");
  }

  @Test
  void notParquet_failsNamingTheFile() throws IOException {
    Path f = dir.resolve("fake.parquet");
    Files.writeString(f, "this is not parquet");

    assertThatThrownBy(() -> session.read().parquet(f.toString())).hasMessageContaining("fake.parquet");
  }

  @Test
  void emptyDirectory_needsASchema() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> session.read().parquet(empty.toString())).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet");
    assertThat(session.read().schema("x INT").parquet(empty.toString()).count()).isZero();
  }
}
