package io.kindling.bench;

import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static io.kindling.sql.functions.when;

import io.kindling.KindlingSession;
import io.kindling.sql.Column;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import java.nio.file.Path;
import java.util.List;

/** The DataFrame workloads of kbench: sales_by_product, segment_join, value_tiers. */
final class DataFrameWorkloads {
  private DataFrameWorkloads() {}

  static DataFrame csv(KindlingSession session, Path data, String file) {
    return session.read().option("header", "true").option("inferSchema", "true").csv(data.resolve(file).toString());
  }

  /** The directory sales_by_product writes ({@code KBENCH_OUT}, as the peers use it). */
  static Path output() {
    return Path.of(System.getenv().getOrDefault("KBENCH_OUT", System.getProperty("java.io.tmpdir") + "/kbench-out"),
        "kindling", "sales_by_product");
  }

  /** read sales.csv → total_sales = quantity*price → groupBy(product_id).sum(total_sales) → write CSV. */
  static final class SalesByProduct implements Workload {
    private final Path dir;

    SalesByProduct() {
      this(output());
    }

    SalesByProduct(Path dir) {
      this.dir = dir;
    }

    @Override
    public String name() {
      return "sales_by_product";
    }

    @Override
    public Answer run(KindlingSession session, Path data) {
      csv(session, data, "sales.csv")
          .withColumn("total_sales", col("quantity").multiply(col("price")))
          .groupBy("product_id").sum("total_sales")
          .write().mode("overwrite").option("header", "true").csv(dir.toString());
      return Answer.of(() -> Digests.salesByProduct(dir));
    }
  }

  /** sales ⋈ customers on customer_id → groupBy(segment): revenue, orders, avg_price → collect. */
  static final class SegmentJoin implements Workload {
    @Override
    public String name() {
      return "segment_join";
    }

    @Override
    public Answer run(KindlingSession session, Path data) {
      List<Row> rows = csv(session, data, "sales.csv").join(csv(session, data, "customers.csv"), "customer_id")
          .groupBy("segment")
          .agg(sum(col("quantity").multiply(col("price"))).as("revenue"), count(lit(1)).as("orders"),
              avg("price").as("avg_price"))
          .collectAsList();
      return Answer.of(() -> Digests.table(rows.stream()
          .map(r -> new Object[] {r.getString(0), r.getDouble(1), r.getLong(2), r.getDouble(3)}).toList()));
    }
  }

  /** amount = quantity*price → value tier by when/otherwise → groupBy(tier): avg, sum, count → collect. */
  static final class ValueTiers implements Workload {
    @Override
    public String name() {
      return "value_tiers";
    }

    @Override
    public Answer run(KindlingSession session, Path data) {
      Column amount = col("amount");
      List<Row> rows = csv(session, data, "sales.csv")
          .withColumn("amount", col("quantity").multiply(col("price")))
          .withColumn("tier", when(amount.gt(1000), "High Value").when(amount.gt(500), "Medium Value")
              .otherwise("Low Value"))
          .groupBy("tier").agg(avg(amount), sum(amount), count(lit(1)))
          .collectAsList();
      return Answer.of(() -> Digests.table(rows.stream()
          .map(r -> new Object[] {r.getString(0), r.getDouble(1), r.getDouble(2), r.getLong(3)}).toList()));
    }
  }
}
