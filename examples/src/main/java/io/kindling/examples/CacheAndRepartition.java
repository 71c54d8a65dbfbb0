package io.kindling.examples;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.sum;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/**
 * {@code repartition(200)} and {@code cache()}: the sales are spread over 200 partitions and kept in memory as
 * column batches, so the later queries read the cache instead of the file. Prints each query's time.
 * Usage: {@code CacheAndRepartition [sales.csv]}.
 */
public final class CacheAndRepartition {
  private CacheAndRepartition() {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/sales.csv";
    try (KindlingSession session = KindlingSession.builder().appName("cache").master("local[*]").getOrCreate()) {
      DataFrame sales = cached(session.read().option("header", "true").option("inferSchema", "true").csv(input));
      System.out.println("Partitions: " + sales.numPartitions());
      for (int i = 1; i <= 3; i++) {
        long start = System.nanoTime();
        long rows = sales.count();
        System.out.printf("count #%d: %d rows in %.1f ms%n", i, rows, (System.nanoTime() - start) / 1e6);
      }
      revenueByRegion(sales).show();
      sales.unpersist();
    }
  }

  /** The sales in 200 partitions, cached. */
  public static DataFrame cached(DataFrame sales) {
    return sales.repartition(200).cache();
  }

  /** {@code region, revenue}, ordered by region. Lazy. */
  public static DataFrame revenueByRegion(DataFrame sales) {
    return sales.groupBy("region").agg(sum(col("quantity").multiply(col("price"))).as("revenue")).orderBy("region");
  }
}
