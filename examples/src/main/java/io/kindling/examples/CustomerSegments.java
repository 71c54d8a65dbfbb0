package io.kindling.examples;

import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.round;
import static io.kindling.sql.functions.sum;
import static io.kindling.sql.functions.when;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/**
 * Customer segments: each customer's spending, placed in a value tier with {@code when/otherwise}, then the
 * average and total spending and the number of customers per tier. Usage: {@code CustomerSegments [sales.csv]}.
 */
public final class CustomerSegments {
  private CustomerSegments() {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/sales.csv";
    try (KindlingSession session = KindlingSession.builder().appName("customer-segments").master("local[*]")
        .getOrCreate()) {
      DataFrame sales = session.read().option("header", "true").option("inferSchema", "true").csv(input);
      DataFrame tiers = tiers(sales);
      tiers.show();
    }
  }

  /** {@code tier, avg_spend, total_spend, customers}, ordered by tier. Lazy. */
  public static DataFrame tiers(DataFrame sales) {
    DataFrame spend = sales.groupBy("customer_id")
        .agg(sum(col("quantity").multiply(col("price"))).as("spend"));
    return spend
        .withColumn("tier", when(col("spend").gt(20000), "High Value")
            .when(col("spend").gt(8000), "Medium Value")
            .otherwise("Low Value"))
        .groupBy("tier")
        .agg(round(avg("spend"), 2).as("avg_spend"), round(sum("spend"), 2).as("total_spend"),
            count(lit(1)).as("customers"))
        .orderBy("tier");
  }
}
