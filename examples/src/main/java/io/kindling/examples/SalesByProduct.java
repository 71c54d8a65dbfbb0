package io.kindling.examples;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.desc;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/**
 * The sales CSV workflow: read sales with a header and inferred types, derive
 * {@code total_sales = quantity * price}, sum it by product, and write the result as CSV. Prints the schema, the
 * top products and where the result went. Usage: {@code SalesByProduct [sales.csv] [output dir]}.
 */
public final class SalesByProduct {
  private SalesByProduct() {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/sales.csv";
    String output = args.length > 1 ? args[1] : "examples/target/sales_by_product";
    try (KindlingSession session = KindlingSession.builder().appName("sales-by-product").master("local[*]")
        .getOrCreate()) {
      DataFrame sales = session.read().option("header", "true").option("inferSchema", "true").csv(input);
      sales.printSchema();
      DataFrame totals = totals(sales);
      totals.write().mode("overwrite").option("header", "true").csv(output);
      System.out.println("Wrote " + totals.count() + " products to " + output);
      totals.orderBy(desc("sum(total_sales)")).show(5);
    }
  }

  /** {@code product_id, sum(total_sales)}: revenue by product. Lazy. */
  public static DataFrame totals(DataFrame sales) {
    return sales.withColumn("total_sales", col("quantity").multiply(col("price")))
        .groupBy("product_id").sum("total_sales");
  }
}
