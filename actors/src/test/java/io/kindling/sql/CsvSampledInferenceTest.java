package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV schema inference from a sample (kindling.input.csv-inference-sample, here 2 KB so that small files are
 * sampled): the same schema and results as inferring from every row, and a clear failure when a value outside
 * the sample does not fit its column.
 */
class CsvSampledInferenceTest {
  private static KindlingSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("csv-sample-test").master("local[2]")
        .config("kindling.input.csv-inference-sample", "2k").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static DataFrame read(Path f, boolean everyRow) {
    DataFrameReader r = session.read().option("header", "true").option("inferSchema", "true");
    return (everyRow ? r.option("samplingRatio", "1.0") : r).csv(f.toString());
  }

  private Path sales(String name, int rows, long seed, String lastLine) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("order_id,product_id,quantity,price,region,ts\n");
    for (int i = 0; i < rows; i++) {
      sb.append(10_000_000_001L + i).append(',').append(r.nextInt(1, 50)).append(',');
      // Some empty quantities and prices: nulls in every part of the file.
      sb.append(i % 97 == 0 ? "" : String.valueOf(r.nextInt(1, 21))).append(',');
      sb.append(i % 89 == 0 ? "" : String.valueOf(r.nextInt(50, 50_000) / 100.0)).append(',');
      sb.append(i % 3 == 0 ? "Europe" : "Asia").append(",2024-05-")
          .append(String.format("%02d", 1 + i % 28)).append("T07:33:04\n");
    }
    if (lastLine != null) {
      sb.append(lastLine).append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void sampled_largeFile_sameSchemaAndResultsAsEveryRow() throws IOException {
    Path f = sales("sales.csv", 5000, 11, null);
    DataFrame sampled = read(f, false);
    DataFrame full = read(f, true);
    assertThat(sampled.schema()).isEqualTo(full.schema());
    assertThat(sampled.schema().toDDL())
        .isEqualTo("order_id BIGINT,product_id INT,quantity INT,price DOUBLE,region STRING,ts TIMESTAMP");
    for (DataFrame df : new DataFrame[] {sampled, full}) {
      assertThat(df.count()).isEqualTo(5000);
    }
    String expected = full.withColumn("total", col("quantity").multiply(col("price"))).groupBy("region")
        .agg(sum(col("total")), count(lit(1)), count(col("quantity"))).orderBy("region").collectAsList().toString();
    assertThat(sampled.withColumn("total", col("quantity").multiply(col("price"))).groupBy("region")
        .agg(sum(col("total")), count(lit(1)), count(col("quantity"))).orderBy("region").collectAsList().toString())
        .isEqualTo(expected);
  }

  @Test
  void sampled_lateValueThatWidensAColumn_failsWhenReadAndNamesTheWayOut() throws IOException {
    // The last line is past every sampled range of this file (its last range ends well before the end).
    Path f = sales("late.csv", 5000, 12, "99,12345678901,3,1.0,Europe,2024-05-01T00:00:00");
    DataFrame sampled = read(f, false);
    assertThat(sampled.schema().apply("product_id").dataType().simpleString()).isEqualTo("int");
    assertThat(read(f, true).schema().apply("product_id").dataType().simpleString()).isEqualTo("bigint");
    for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
      DataFrame df = session.read().option("header", "true").option("inferSchema", "true").option("mode", mode)
          .csv(f.toString());
      assertThatThrownBy(() -> df.groupBy("product_id").count().collectAsList()).as(mode)
          .hasStackTraceContaining("column 'product_id' came out as int")
          .hasStackTraceContaining("'12345678901'")
          .hasStackTraceContaining("samplingRatio");
      // Columns the query does not read are not checked: the answer is the one a full inference gives.
      assertThat(df.groupBy("region").count().orderBy("region").collectAsList().toString()).as(mode)
          .isEqualTo(read(f, true).groupBy("region").count().orderBy("region").collectAsList().toString());
    }
  }

  @Test
  void sampled_columnEmptyInTheSample_infersFromEveryRow() throws IOException {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 4000; i++) {
      sb.append(i).append(',').append(i == 3999 ? "7" : "").append('\n');
    }
    Path f = dir.resolve("sparse.csv");
    Files.writeString(f, sb.toString());
    assertThat(read(f, false).schema().toDDL()).isEqualTo("a INT,b INT");
    assertThat(read(f, false).filter(col("b").isNotNull()).collectAsList().toString()).isEqualTo("[[3999,7]]");
  }

  @Test
  void sampled_smallFileOrSamplingRatioSet_readsEveryRow() throws IOException {
    Path f = dir.resolve("small.csv");
    Files.writeString(f, "a\n1\n2\nx\n");
    assertThat(read(f, false).schema().toDDL()).isEqualTo("a STRING");
    Path big = sales("big.csv", 5000, 13, "99,x,3,1.0,Europe,2024-05-01T00:00:00");
    DataFrame df = session.read().option("header", "true").option("inferSchema", "true")
        .option("samplingRatio", "1.0").csv(big.toString());
    assertThat(df.schema().apply("product_id").dataType().simpleString()).isEqualTo("string");
    assertThat(df.groupBy("product_id").count().count()).isEqualTo(50);
  }

  @Test
  void sampled_stringColumnsAndUserSchema_neverChecked() throws IOException {
    Path f = sales("s.csv", 5000, 14, "x,1,2,3.0,Europe,2024-05-01T00:00:00");
    DataFrame typed = session.read().option("header", "true")
        .schema("order_id BIGINT, product_id INT, quantity INT, price DOUBLE, region STRING, ts TIMESTAMP")
        .csv(f.toString());
    assertThat(typed.filter(col("order_id").isNull()).count()).isEqualTo(1);
    assertThatThrownBy(() -> read(f, false).filter(col("order_id").isNull()).count())
        .hasStackTraceContaining("column 'order_id' came out as bigint");
  }
}
