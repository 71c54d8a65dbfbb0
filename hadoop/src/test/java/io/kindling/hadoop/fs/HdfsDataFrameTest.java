package io.kindling.hadoop.fs;

import static io.kindling.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import io.kindling.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DataFrame reader and writer (csv, json, text, parquet) on hdfs:// paths of a real (mini) HDFS. */
@Tag("hdfs")
class HdfsDataFrameTest {
  @TempDir
  static Path base;
  static HdfsCluster hdfs;
  static KindlingSession session;

  @BeforeAll
  static void start() throws Exception {
    hdfs = new HdfsCluster(base, 2);
    session = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
    hdfs.close();
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static DataFrame sales() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(Row.of(i, i % 3 == 0 ? "eu" : "us", i * 1.5));
    }
    return session.createDataFrame(rows, StructType.fromDDL("id INT, region STRING, price DOUBLE"));
  }

  @Test
  void csv_readWithHeaderAndInferSchema_andWriteBack() throws Exception {
    hdfs.writeText("/csv/in/a.csv", "id,name\n1,one\n2,two\n", (short) 2);
    hdfs.writeText("/csv/in/b.csv", "id,name\n3,three\n", (short) 2);
    DataFrame in = session.read().option("header", true).option("inferSchema", true).csv(hdfs.uri() + "/csv/in");

    assertThat(in.schema().toDDL()).isEqualTo("id INT,name STRING");
    assertThat(sorted(in)).containsExactly("[1,one]", "[2,two]", "[3,three]");

    String out = hdfs.uri() + "/csv/out";
    in.filter(col("id").gt(1)).write().option("header", true).csv(out);
    assertThat(hdfs.fileSystem().exists(new org.apache.hadoop.fs.Path("/csv/out/_SUCCESS"))).isTrue();
    assertThat(sorted(session.read().option("header", true).schema("id INT, name STRING").csv(out)))
        .containsExactly("[2,two]", "[3,three]");
  }

  @Test
  void jsonAndText_writeAndReadBack() {
    String json = hdfs.uri() + "/json/out";
    sales().write().json(json);
    assertThat(session.read().json(json).schema().toDDL()).isEqualTo("id BIGINT,price DOUBLE,region STRING");
    assertThat(session.read().json(json).count()).isEqualTo(60);

    String text = hdfs.uri() + "/text/out";
    sales().select("region").write().text(text);
    assertThat(session.read().text(text).filter(col("value").equalTo("eu")).count()).isEqualTo(20);
  }

  @Test
  void parquet_partitionedWriteAndRead_withPushDownAndModes() throws Exception {
    String out = hdfs.uri() + "/parquet/sales";
    sales().write().partitionBy("region").option("compression", "zstd").parquet(out);

    FileStatus[] dirs = hdfs.fileSystem().listStatus(new org.apache.hadoop.fs.Path("/parquet/sales"));
    assertThat(dirs).extracting(s -> s.getPath().getName()).contains("region=eu", "region=us", "_SUCCESS");
    DataFrame back = session.read().parquet(out);
    assertThat(back.schema().toDDL()).isEqualTo("id INT,price DOUBLE,region STRING");
    assertThat(back.count()).isEqualTo(60);
    assertThat(sorted(back.filter(col("region").equalTo("eu").and(col("id").lt(6)))))
        .containsExactly("[0,0.0,eu]", "[3,4.5,eu]");

    sales().limit(1).write().mode("overwrite").parquet(out);
    assertThat(session.read().parquet(out).count()).isEqualTo(1);
    assertThatThrownBy(() -> sales().write().parquet(out)).hasMessageContaining("[PATH_ALREADY_EXISTS]");
  }

  @Test
  void parquetScan_partitionsPreferTheHostsStoringTheirBlocks() {
    String out = hdfs.uri() + "/parquet/hosts";
    sales().write().parquet(out);

    DataFrame df = session.read().parquet(out);
    var lineage = df.rdd().lineage();

    assertThat(lineage.numPartitions()).isPositive();
    for (int p = 0; p < lineage.numPartitions(); p++) {
      assertThat(lineage.preferredLocations(p)).isNotEmpty()
          .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost"));
    }
  }

  @Test
  void missingHdfsPath_failsLikeSpark() {
    String missing = hdfs.uri() + "/no/such/dir";

    assertThatThrownBy(() -> session.read().parquet(missing)).isInstanceOf(AnalysisException.class)
        .hasMessage("[PATH_NOT_FOUND] Path does not exist: " + missing + ".");
    assertThatThrownBy(() -> session.read().csv(missing)).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[PATH_NOT_FOUND]");
  }
}
