package kbench.sparkparquet;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * kbench's sales_by_product_parquet on Apache Spark (local[2], configured as ../../shared/bench/peers configures
 * it): read the Parquet copy of sales.csv ({@code KBENCH_PARQUET_DIR}, default {@code DATA_DIR/sales.parquet}),
 * total_sales = quantity * price, sum by product_id, write CSV. Runs once to warm up and then {@code KBENCH_RUNS}
 * (default 3) timed runs in one session, printing the peers' JSON lines. When the copy is missing it is made
 * (by Spark) in the warm-up run, as Kindling's workload makes it.
 * Usage: {@code Main DATA_DIR}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    String scale = Files.readString(data.resolve("scale.txt")).trim();
    String configured = System.getenv("KBENCH_PARQUET_DIR");
    Path copy = configured != null ? Path.of(configured) : data.resolve("sales.parquet");
    Path out = Path.of(System.getenv().getOrDefault("KBENCH_OUT", System.getProperty("java.io.tmpdir")
        + "/kbench-out"), "spark", "sales_by_product_parquet");
    int runs = Integer.parseInt(System.getenv().getOrDefault("KBENCH_RUNS", "3"));
    SparkSession spark = SparkSession.builder().master("local[2]").appName("kbench")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      for (int run = 0; run <= runs; run++) {
        long t0 = System.nanoTime();
        if (!Files.exists(copy.resolve("_SUCCESS"))) {
          spark.read().option("header", "true").option("inferSchema", "true").csv(data.resolve("sales.csv")
              .toString()).write().mode(SaveMode.Ignore).parquet(copy.toString());
        }
        spark.read().parquet(copy.toString())
            .withColumn("total_sales", col("quantity").multiply(col("price")))
            .groupBy("product_id").sum("total_sales")
            .write().mode(SaveMode.Overwrite).option("header", "true").csv(out.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println("{\"engine\":\"spark-" + spark.version() + "\",\"workload\":\"sales_by_product_parquet\""
            + ",\"scale\":" + scale + ",\"run\":" + run + ",\"seconds\":" + String.format(Locale.ROOT, "%.3f", seconds)
            + ",\"digest\":\"" + digest(out) + "\"}");
        System.out.flush();
      }
    } finally {
      spark.stop();
    }
    System.exit(0);
  }

  private static BigDecimal round2(double x) {
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** groups=N;total=T;top=id:t,... over the written CSV parts (../../shared/bench/README.md, "Digests"). */
  static String digest(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString()
          .startsWith(".")).toList();
    }
    List<Object[]> rows = new ArrayList<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isEmpty() || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == '-')) {
          continue;
        }
        int comma = line.indexOf(',');
        rows.add(new Object[] {Long.parseLong(line.substring(0, comma)),
            round2(Double.parseDouble(line.substring(comma + 1)))});
      }
    }
    BigDecimal total = rows.stream().map(r -> (BigDecimal) r[1]).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    String top = rows.stream()
        .sorted(Comparator.comparing((Object[] r) -> (BigDecimal) r[1]).reversed().thenComparing(r -> (Long) r[0]))
        .limit(5).map(r -> r[0] + ":" + ((BigDecimal) r[1]).toPlainString()).collect(Collectors.joining(","));
    return "groups=" + rows.size() + ";total=" + total.toPlainString() + ";top=" + top;
  }
}
