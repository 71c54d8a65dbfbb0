package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.rdd.RDD;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DataFrameReader options and DataFrameWriter modes, partitionBy and atomic commit. */
class ReadWriteTest extends SqlTestSession {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void csv_headerAndInferSchema_typesColumns() throws IOException {
    Path f = write("sales.csv", "order_id,product_id,quantity,price,region,ts\n"
        + "10000000001,5214,1,363.54,Europe,2024-05-29T07:33:04\n"
        + "10000000002,6881,16,452.70,LatinAmerica,2024-01-01T02:54:17\n");
    DataFrame df = session.read().option("header", "true").option("inferSchema", "true").csv(f.toString());
    assertThat(df.schema().toDDL()).isEqualTo(
        "order_id BIGINT,product_id INT,quantity INT,price DOUBLE,region STRING,ts TIMESTAMP");
    assertThat(rows(df)).isEqualTo("[[10000000001,5214,1,363.54,Europe,2024-05-29T07:33:04], "
        + "[10000000002,6881,16,452.7,LatinAmerica,2024-01-01T02:54:17]]");
    DataFrame strings = session.read().option("header", true).csv(f.toString());
    assertThat(strings.schema().get(2).dataType().simpleString()).isEqualTo("string");
    DataFrame noHeader = session.read().csv(f.toString());
    assertThat(noHeader.columns()).containsExactly("_c0", "_c1", "_c2", "_c3", "_c4", "_c5");
    assertThat(noHeader.count()).isEqualTo(3);
  }

  @Test
  void csv_sepQuoteEscapeNullValueComment() throws IOException {
    Path f = write("x.csv", "# a comment\na;b;c\n1;'x;y';NA\n2;'it\\'s';z\n");
    DataFrame df = session.read().option("header", true).option("sep", ";").option("quote", "'")
        .option("escape", "\\").option("nullValue", "NA").option("comment", "#").option("inferSchema", true)
        .csv(f.toString());
    assertThat(rows(df)).isEqualTo("[[1,x;y,null], [2,it's,z]]");
  }

  @Test
  void csv_modes_permissiveDropMalformedFailFast() throws IOException {
    Path f = write("m.csv", "a,b\n1,2\nx,3\n4,5,6\n");
    StructType schema = StructType.fromDDL("a INT, b INT, _corrupt_record STRING");
    DataFrame permissive = session.read().option("header", true).schema(schema).csv(f.toString());
    assertThat(rows(permissive)).isEqualTo("[[1,2,null], [null,3,x,3], [4,5,4,5,6]]");
    DataFrame dropped = session.read().option("header", true).option("mode", "DROPMALFORMED")
        .schema("a INT, b INT").csv(f.toString());
    assertThat(rows(dropped)).isEqualTo("[[1,2]]");
    DataFrame failing = session.read().option("header", true).option("mode", "FAILFAST").schema("a INT, b INT")
        .csv(f.toString());
    assertThatThrownBy(failing::collectAsList).hasMessageContaining("Malformed");
    DataFrame renamed = session.read().option("header", true).option("columnNameOfCorruptRecord", "bad")
        .schema("a INT, b INT, bad STRING").csv(f.toString());
    assertThat(rows(renamed.filter(col("bad").isNotNull()).select("bad"))).isEqualTo("[[x,3], [4,5,6]]");
  }

  @Test
  void csv_dateAndTimestampFormats_andEncoding() throws IOException {
    Path f = dir.resolve("d.csv");
    Files.write(f, "d,t,s\n05/01/2024,2024/05/29 07:33,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    DataFrame df = session.read().option("header", true).option("dateFormat", "dd/MM/yyyy")
        .option("timestampFormat", "yyyy/MM/dd HH:mm").option("encoding", "ISO-8859-1")
        .schema("d DATE, t TIMESTAMP, s STRING").csv(f.toString());
    assertThat(rows(df)).isEqualTo("[[2024-01-05,2024-05-29T07:33,caf\u00e9]]");
  }

  @Test
  void csv_columnPruningAndPushedFilters_sameRows() throws IOException {
    StringBuilder sb = new StringBuilder("id,grp,val\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(',').append("g").append(i % 7).append(',').append(i * 0.5).append('\n');
    }
    Path f = write("big.csv", sb.toString());
    DataFrame df = session.read().option("header", true).option("inferSchema", true).csv(f.toString());
    DataFrame q = df.filter(col("grp").equalTo("g3")).select("val");
    assertThat(q.explainString(false)).contains("PushedFilters").doesNotContain("id#");
    assertThat(q.count()).isEqualTo(714);
    assertThat(q.agg(sum("val")).collectAsList().get(0).getDouble(0)).isEqualTo(
        java.util.stream.IntStream.range(0, 5000).filter(i -> i % 7 == 3).mapToDouble(i -> i * 0.5).sum());
  }

  @Test
  void json_andText_read() throws IOException {
    Path j = write("p.json", "{\"name\":\"a\",\"age\":3}\n{\"name\":\"b\",\"tags\":[1,2]}\n");
    DataFrame people = session.read().json(j.toString());
    assertThat(people.columns()).containsExactly("age", "name", "tags");
    assertThat(rows(people)).isEqualTo("[[3,a,null], [null,b,[1, 2]]]");
    Path t = write("t.txt", "hello world\nsecond line\n");
    DataFrame text = session.read().text(t.toString());
    assertThat(text.columns()).containsExactly("value");
    assertThat(rows(text)).isEqualTo("[[hello world], [second line]]");
    assertThat(session.read().format("text").load(t.toString()).count()).isEqualTo(2);
  }

  @Test
  void read_severalPathsAndGlobs() throws IOException {
    Path a = write("many/a.csv", "n\n1\n2\n");
    Path b = write("many/b.csv", "n\n3\n");
    write("many/_SUCCESS", "");
    assertThat(session.read().option("header", true).csv(a.toString(), b.toString()).count()).isEqualTo(3);
    assertThat(session.read().option("header", true).csv(dir.resolve("many/*.csv").toString()).count()).isEqualTo(3);
    assertThat(sortedRows(session.read().option("header", true).option("inferSchema", true)
        .csv(dir.resolve("many").toString()))).containsExactly("[1]", "[2]", "[3]");
  }

  @Test
  void read_fileSourceOptionsKindlingLacks_failAtOnce_exceptAtTheirDefault() throws IOException {
    Path d = write("opts/a.csv", "1\n");
    assertThatThrownBy(() -> session.read().option("pathGlobFilter", "*.csv").csv(d.getParent().toString()))
        .isInstanceOf(AnalysisException.class).hasMessage("The file source option 'pathGlobFilter' = '*.csv' is "
            + "not supported by Kindling: put the pattern in the path, as a glob.");
    assertThatThrownBy(() -> session.read().option("ignoreMissingFiles", true).text(d.toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("'ignoreMissingFiles' = 'true'")
        .hasMessageContaining("(only 'false'): a file that is gone when read fails the query.");
    assertThatThrownBy(() -> session.read().option("basePath", d.getParent().toString()).csv(d.toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("'basePath'");
    assertThat(session.read().option("recursiveFileLookup", false).option("noSuchOption", "x").csv(d.toString())
        .count()).isEqualTo(1);
  }

  @Test
  void write_optionsKindlingLacks_failBeforeAnyJob_exceptAtTheirDefault() {
    DataFrame df = df("n INT", r(1));
    assertThatThrownBy(() -> df.write().option("maxRecordsPerFile", 1).csv(dir.resolve("max").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("'maxRecordsPerFile' = '1'");
    assertThatThrownBy(() -> df.write().option("partitionOverwriteMode", "dynamic").mode("overwrite")
        .json(dir.resolve("dyn").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("'partitionOverwriteMode' = 'dynamic'");
    assertThat(dir.resolve("max")).doesNotExist();
    assertThat(dir.resolve("dyn")).doesNotExist();
    df.write().option("maxRecordsPerFile", 0).option("partitionOverwriteMode", "STATIC").csv(dir.resolve("ok")
        .toString());
    assertThat(session.read().csv(dir.resolve("ok").toString()).count()).isEqualTo(1);
  }

  @Test
  void read_textWithUserSchema_renamesItsOneStringColumn_elseFails() throws IOException {
    Path t = write("schema.txt", "a,b\n");
    DataFrame lines = session.read().schema("line STRING").text(t.toString());
    assertThat(lines.columns()).containsExactly("line");
    assertThat(rows(lines)).isEqualTo("[[a,b]]");
    assertThatThrownBy(() -> session.read().schema("a INT").text(t.toString())).isInstanceOf(AnalysisException.class)
        .hasMessage("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column `a` of "
            + "the type \"INT\".");
    assertThatThrownBy(() -> session.read().schema("a STRING, b STRING").text(t.toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("Text data source only produces a single");
    // Partition columns in the user's schema are not text data: they may have any type.
    write("years/year=2024/part.txt", "x\n");
    DataFrame partitioned = session.read().schema("line STRING, year INT").text(dir.resolve("years").toString());
    assertThat(partitioned.columns()).containsExactly("line", "year");
    assertThat(rows(partitioned)).isEqualTo("[[x,2024]]");
  }

  /** Options' datetime patterns refuse the week-based letters date_format refuses (e among them), before any job. */
  @Test
  void read_csvDateFormatWithARefusedLetter_failsNamingTheOption() throws IOException {
    Path t = write("weeks.csv", "d\n2024-01-02\n");
    for (String pattern : new String[] {"YYYY-MM-dd", "yyyy-MM-dd e"}) {
      assertThatThrownBy(() -> session.read().option("header", true).option("dateFormat", pattern)
          .schema("d DATE").csv(t.toString()).collectAsList())
          .as(pattern).hasMessageContaining("Invalid dateFormat pattern '" + pattern + "'");
    }
  }

  /** Spark 3.5.3's errors, raised by read().schema(...).csv(path) itself, before any action. */
  @Test
  void read_csvWithAnArrayOrStructInTheUserSchema_failsWhenTheDataFrameIsMade() throws IOException {
    Path t = write("nested.csv", "1,2\n");
    assertThatThrownBy(() -> session.read().schema("a ARRAY<INT>, b INT").csv(t.toString()))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `a` of "
            + "the type \"ARRAY<INT>\".");
    assertThatThrownBy(() -> session.read().schema("a INT, b STRUCT<x: INT>").csv(t.toString()))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `b` of "
            + "the type \"STRUCT<x: INT>\".");
  }

  @Test
  void read_directoryWithoutPartitions_readsOnlyItsOwnFiles_asSpark() throws IOException {
    write("plain/a.txt", "a\n");
    write("plain/sub/b.txt", "b\n");
    write("nested/sub/c.csv", "1\n");
    assertThat(rows(session.read().text(dir.resolve("plain").toString()))).isEqualTo("[[a]]");
    assertThatThrownBy(() -> session.read().csv(dir.resolve("nested").toString()))
        .isInstanceOf(AnalysisException.class).hasMessage("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for CSV. "
            + "It must be specified manually.");
  }

  @Test
  void read_missingPath_failsAtOnce() {
    assertThatThrownBy(() -> session.read().csv(dir.resolve("missing.csv").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("[PATH_NOT_FOUND] Path does not exist");
    // Parquet comes with kindling-hadoop, which this module's tests don't have.
    assertThatThrownBy(() -> session.read().parquet(dir.toString())).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("add the kindling-hadoop dependency");
    assertThatThrownBy(() -> session.range(0, 2).write().parquet(dir.resolve("p").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("add the kindling-hadoop dependency");
    assertThat(dir.resolve("p")).doesNotExist();
  }

  @Test
  void write_csvWithHeader_readBack_andModes() throws IOException {
    DataFrame df = df("product_id INT, total DOUBLE", r(1, 2.5), r(2, 4.0));
    String out = dir.resolve("out").toString();
    df.write().option("header", true).csv(out);
    assertThat(Files.exists(Path.of(out, "_SUCCESS"))).isTrue();
    assertThat(rows(session.read().option("header", true).option("inferSchema", true).csv(out).orderBy("product_id")))
        .isEqualTo("[[1,2.5], [2,4.0]]");
    assertThatThrownBy(() -> df.write().csv(out)).isInstanceOf(AnalysisException.class)
        .hasMessage("[PATH_ALREADY_EXISTS] Path file:" + out + " already exists. Set mode as \"overwrite\" to "
            + "overwrite the existing path.");
    df.write().mode("ignore").option("header", true).csv(out);
    df.write().mode("append").option("header", true).csv(out);
    assertThat(session.read().option("header", true).csv(out).count()).isEqualTo(4);
    df.limit(1).write().mode("overwrite").option("header", true).csv(out);
    assertThat(session.read().option("header", true).csv(out).count()).isEqualTo(1);
  }

  @Test
  void write_partitionBy_hiveDirectories_readBackAsColumns() throws IOException {
    DataFrame df = df("region STRING, year INT, amount DOUBLE", r("EU", 2023, 1.0), r("EU", 2024, 2.0),
        r("US", 2024, 3.0), r(null, 2024, 4.0));
    String out = dir.resolve("parts").toString();
    df.write().partitionBy("region", "year").json(out);
    assertThat(Files.isDirectory(Path.of(out, "region=EU", "year=2024"))).isTrue();
    assertThat(Files.isDirectory(Path.of(out, "region=__HIVE_DEFAULT_PARTITION__", "year=2024"))).isTrue();
    DataFrame back = session.read().json(out);
    assertThat(back.columns()).containsExactly("amount", "region", "year");
    assertThat(back.schema().get(2).dataType().simpleString()).isEqualTo("int");
    assertThat(sortedRows(back)).containsExactly("[1.0,EU,2023]", "[2.0,EU,2024]", "[3.0,US,2024]",
        "[4.0,null,2024]");
    DataFrame pruned = back.filter(col("year").equalTo(2023));
    assertThat(rows(pruned)).isEqualTo("[[1.0,EU,2023]]");
  }

  /** Spark 3.5.3 wrote B=1/ and B=2/ for partitionBy("B") of a column b, and read back _c0 and B. */
  @Test
  void write_partitionBy_namesDirectoriesAsGiven_matchingTheColumnWithoutCase() throws IOException {
    DataFrame df = df("b INT, v STRING", r(1, "x"), r(2, "y"));
    String out = dir.resolve("case").toString();
    df.write().partitionBy("B").csv(out);
    assertThat(Files.isDirectory(Path.of(out, "B=1"))).isTrue();
    assertThat(Files.isDirectory(Path.of(out, "B=2"))).isTrue();
    assertThat(Path.of(out, "b=1")).doesNotExist();
    DataFrame back = session.read().csv(out);
    assertThat(back.columns()).containsExactly("_c0", "B");
    assertThat(sortedRows(back)).containsExactly("[x,1]", "[y,2]");
  }

  @Test
  void write_badColumnNames_failBeforeAnyJob_withSparksErrors() {
    DataFrame df = df("a STRING, b INT", r("x", 1));
    assertThatThrownBy(() -> df.select(col("a"), col("b").as("A")).write().csv(dir.resolve("dup").toString()))
        .isInstanceOf(AnalysisException.class).hasMessage("[COLUMN_ALREADY_EXISTS] The column `a` already exists. "
            + "Consider to choose another name or rename the existing column.");
    assertThatThrownBy(() -> df.write().partitionBy("zz").json(dir.resolve("missing").toString()))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("Partition column `zz` not found in schema struct<a:string,b:int>.");
    assertThatThrownBy(() -> df.write().partitionBy("a", "B").csv(dir.resolve("all").toString()))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition columns.");
    assertThat(dir.resolve("dup")).doesNotExist();
    assertThat(dir.resolve("missing")).doesNotExist();
    assertThat(dir.resolve("all")).doesNotExist();
  }

  @Test
  void write_datesTimestampsNulls_roundTripThroughCsvAndJson() {
    DataFrame df = df("d DATE, t TIMESTAMP, s STRING, x DOUBLE", r(java.time.LocalDate.of(2024, 2, 29),
        java.time.LocalDateTime.of(2024, 5, 29, 7, 33, 4, 500_000_000), "a,b", 1.5), r(null, null, null, null));
    String csv = dir.resolve("dt-csv").toString();
    df.coalesce(1).write().option("header", true).csv(csv);
    assertThat(rows(session.read().option("header", true).schema(df.schema()).csv(csv)))
        .isEqualTo("[[2024-02-29,2024-05-29T07:33:04.500,a,b,1.5], [null,null,null,null]]");
    String json = dir.resolve("dt-json").toString();
    df.coalesce(1).write().json(json);
    assertThat(rows(session.read().schema(df.schema()).json(json)))
        .isEqualTo("[[2024-02-29,2024-05-29T07:33:04.500,a,b,1.5], [null,null,null,null]]");
  }

  @Test
  void write_unsupportedColumnType_failsBeforeAnyJob() {
    DataFrame arrays = df("a ARRAY<INT>", r(java.util.List.of(1)));
    assertThatThrownBy(() -> arrays.write().csv(dir.resolve("arr").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("CSV");
    assertThat(Files.exists(dir.resolve("arr"))).isFalse();
  }

  @Test
  void write_text_andJson_contents() throws IOException {
    String out = dir.resolve("text").toString();
    df("line STRING", r("a"), r("b")).coalesce(1).write().text(out);
    try (Stream<Path> files = Files.list(Path.of(out))) {
      Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      assertThat(part.getFileName().toString()).endsWith(".txt");
      assertThat(Files.readString(part)).isEqualTo("a\nb\n");
    }
    assertThatThrownBy(() -> df("a STRING, b INT", r("x", 1)).write().text(dir.resolve("t2").toString()))
        .hasMessageContaining("The Text datasource doesn't support the column `b`");
  }

  @Test
  void write_failingJob_leavesNoOutput_andKeepsPreviousContents() throws IOException {
    StructType schema = StructType.fromDDL("n INT");
    RDD<Row> failing = session.parallelize(List.of(1, 2, 3, 4), 2).map(i -> {
      if (i == 4) {
        throw new IllegalStateException("boom");
      }
      return Row.of(i);
    });
    DataFrame bad = session.createDataFrame(failing, schema);
    Path fresh = dir.resolve("fresh");
    assertThatThrownBy(() -> bad.write().csv(fresh.toString())).hasStackTraceContaining("boom");
    assertThat(Files.exists(fresh)).isFalse();
    Path existing = dir.resolve("existing");
    df("n INT", r(7)).write().csv(existing.toString());
    assertThatThrownBy(() -> bad.write().mode("overwrite").csv(existing.toString())).hasStackTraceContaining("boom");
    assertThat(rows(session.read().schema("n INT").csv(existing.toString()))).isEqualTo("[[7]]");
    try (Stream<Path> leftovers = Files.list(dir)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
    }
  }
}
