package io.kindling.examples;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.desc;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/**
 * The sales workflow over Parquet: converts the sales CSV to a Parquet table partitioned by region (snappy, as
 * Spark writes it), reads the table back (the schema comes from the files' footers, the region from the
 * directories), sums {@code quantity * price} by product, writes that result as Parquet too and reads it back.
 * Paths may be local or {@code hdfs://…}. Usage: {@code SalesParquet [sales.csv] [output dir]}; the output dir
 * gets {@code sales/} (the table) and {@code sales_by_product/} (the result).
 */
public final class SalesParquet {
  private SalesParquet() {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/sales.csv";
    String output = args.length > 1 ? args[1] : "examples/target/sales_parquet";
    try (KindlingSession session = KindlingSession.builder().appName("sales-parquet").master("local[*]")
        .getOrCreate()) {
      DataFrame csv = session.read().option("header", "true").option("inferSchema", "true").csv(input);
      String table = output + "/sales";
      csv.write().mode("overwrite").partitionBy("region").parquet(table);

      DataFrame sales = session.read().parquet(table);
      sales.printSchema();
      String result = output + "/sales_by_product";
      SalesByProduct.totals(sales).write().mode("overwrite").option("compression", "zstd").parquet(result);

      DataFrame totals = session.read().parquet(result);
      System.out.println("Wrote " + totals.count() + " products to " + result);
      totals.orderBy(desc("sum(total_sales)")).show(5);
      // Only the row groups and region directories that can hold matching rows are read.
      System.out.println("Orders in Europe over 400: "
          + sales.filter(col("region").equalTo("Europe").and(col("price").gt(400))).count());
    }
  }
}
