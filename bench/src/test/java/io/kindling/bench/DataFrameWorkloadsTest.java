package io.kindling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DataFrame workloads on a few hand-checked rows, with the digests of ../shared/bench/README.md. */
class DataFrameWorkloadsTest {
  static KindlingSession session;

  @TempDir
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(data.resolve("sales.csv"), String.join("\n",
        "order_id,product_id,customer_id,quantity,price,region,ts",
        "10000000001,1,1,2,10.50,EU,2024-01-01T00:00:00",
        "10000000002,1,2,1,600.00,US,2024-01-02T00:00:00",
        "10000000003,2,1,3,400.00,EU,2024-01-03T00:00:00",
        "10000000004,3,2,5,0.50,US,2024-01-04T00:00:00", ""));
    Files.writeString(data.resolve("customers.csv"), "customer_id,segment,signup_year\n1,Consumer,2015\n"
        + "2,Home Office,2020\n");
    session = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  @Test
  void salesByProduct_writesTotals_digestReadBack() throws Exception {
    Workload w = new DataFrameWorkloads.SalesByProduct(data.resolve("out"));
    assertThat(w.run(session, data).digest().call())
        .isEqualTo("groups=3;total=1823.50;top=2:1200.00,1:621.00,3:2.50");
    assertThat(w.run(session, data).digest().call()).startsWith("groups=3;");
  }

  @Test
  void salesByProductParquet_makesTheParquetCopyOnce_andGivesTheCsvDigest() throws Exception {
    Workload w = new DataFrameWorkloads.SalesByProductParquet(data.resolve("out-parquet"));

    assertThat(w.run(session, data).digest().call())
        .isEqualTo("groups=3;total=1823.50;top=2:1200.00,1:621.00,3:2.50");
    Path marker = data.resolve("sales.parquet/_SUCCESS");
    assertThat(marker).exists();
    long made = Files.getLastModifiedTime(marker).toMillis();
    assertThat(w.run(session, data).digest().call()).startsWith("groups=3;total=1823.50;");
    assertThat(Files.getLastModifiedTime(marker).toMillis()).isEqualTo(made);
    assertThat(session.read().parquet(data.resolve("sales.parquet").toString()).schema().toDDL())
        .isEqualTo("order_id BIGINT,product_id INT,customer_id INT,quantity INT,price DOUBLE,region STRING,"
            + "ts TIMESTAMP");
  }

  @Test
  void segmentJoin_revenueOrdersAveragePrice() throws Exception {
    assertThat(new DataFrameWorkloads.SegmentJoin().run(session, data).digest().call())
        .isEqualTo("Consumer,1221.00,2,205.25|Home Office,602.50,2,300.25");
  }

  @Test
  void valueTiers_averageSumCount() throws Exception {
    assertThat(new DataFrameWorkloads.ValueTiers().run(session, data).digest().call())
        .isEqualTo("High Value,1200.00,1200.00,1|Low Value,11.75,23.50,2|Medium Value,600.00,600.00,1");
  }
}
