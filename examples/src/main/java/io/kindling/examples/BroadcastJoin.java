package io.kindling.examples;

import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.broadcast;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/**
 * A broadcast join: the small customers table is shipped to every partition of the sales, so the sales are
 * never exchanged; then revenue, orders and average price by customer segment. Prints the physical plan.
 * Usage: {@code BroadcastJoin [sales.csv] [customers.csv]}.
 */
public final class BroadcastJoin {
  private BroadcastJoin() {}

  public static void main(String[] args) {
    String salesPath = args.length > 0 ? args[0] : "examples/data/sales.csv";
    String customersPath = args.length > 1 ? args[1] : "examples/data/customers.csv";
    try (KindlingSession session = KindlingSession.builder().appName("broadcast-join").master("local[*]")
        .getOrCreate()) {
      DataFrame sales = session.read().option("header", "true").option("inferSchema", "true").csv(salesPath);
      DataFrame customers = session.read().option("header", "true").option("inferSchema", "true")
          .csv(customersPath);
      DataFrame bySegment = bySegment(sales, customers);
      bySegment.explain();
      bySegment.show();
    }
  }

  /** {@code segment, revenue, orders, avg_price}, ordered by segment. Lazy. */
  public static DataFrame bySegment(DataFrame sales, DataFrame customers) {
    return sales.join(broadcast(customers), "customer_id")
        .groupBy("segment")
        .agg(sum(col("quantity").multiply(col("price"))).as("revenue"), count(lit(1)).as("orders"),
            avg("price").as("avg_price"))
        .orderBy("segment");
  }
}
