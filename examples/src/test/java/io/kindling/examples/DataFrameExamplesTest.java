package io.kindling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DataFrame examples, checked against plain-Java computations over the same CSV files. */
class DataFrameExamplesTest {
  static final String SALES = "data/sales.csv";
  static final String CUSTOMERS = "data/customers.csv";
  static KindlingSession session;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  static DataFrame csv(String path) {
    return session.read().option("header", "true").option("inferSchema", "true").csv(path);
  }

  static List<String[]> lines(String path) throws Exception {
    try (Stream<String> s = Files.lines(Path.of(path))) {
      return s.skip(1).map(l -> l.split(",")).toList();
    }
  }

  @Test
  void salesByProduct_totalsMatchAPlainComputation() throws Exception {
    Map<Integer, Double> expected = new HashMap<>();
    for (String[] f : lines(SALES)) {
      expected.merge(Integer.parseInt(f[1]), Integer.parseInt(f[3]) * Double.parseDouble(f[4]), Double::sum);
    }
    DataFrame totals = SalesByProduct.totals(csv(SALES));
    assertThat(totals.columns()).containsExactly("product_id", "sum(total_sales)");
    List<Row> rows = totals.collectAsList();
    assertThat(rows).hasSize(expected.size());
    for (Row r : rows) {
      assertThat(r.getDouble(1)).isCloseTo(expected.get(r.getInt(0)), org.assertj.core.data.Offset.offset(1e-6));
    }
    Path out = tmp.resolve("out");
    SalesByProduct.main(new String[] {SALES, out.toString()});
    assertThat(Files.exists(out.resolve("_SUCCESS"))).isTrue();
    assertThat(csv(out.toString()).count()).isEqualTo(expected.size());
  }

  @Test
  void salesParquet_tableAndResultReadBackMatchTheCsv() throws Exception {
    Map<Integer, Double> expected = new HashMap<>();
    for (String[] f : lines(SALES)) {
      expected.merge(Integer.parseInt(f[1]), Integer.parseInt(f[3]) * Double.parseDouble(f[4]), Double::sum);
    }
    Path out = tmp.resolve("parquet");

    SalesParquet.main(new String[] {SALES, out.toString()});

    assertThat(Files.exists(out.resolve("sales/_SUCCESS"))).isTrue();
    try (Stream<Path> regions = Files.list(out.resolve("sales"))) {
      assertThat(regions.map(p -> p.getFileName().toString())).contains("region=Nordics");
    }
    DataFrame table = session.read().parquet(out.resolve("sales").toString());
    assertThat(table.count()).isEqualTo(lines(SALES).size());
    assertThat(table.columns()).containsExactly("order_id", "product_id", "customer_id", "quantity", "price", "ts",
        "region");
    List<Row> rows = session.read().parquet(out.resolve("sales_by_product").toString()).collectAsList();
    assertThat(rows).hasSize(expected.size());
    for (Row r : rows) {
      assertThat(r.getDouble(1)).isCloseTo(expected.get(r.getInt(0)), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void customerSegments_tiersCoverEveryCustomer() throws Exception {
    Map<Integer, Double> spend = new HashMap<>();
    for (String[] f : lines(SALES)) {
      spend.merge(Integer.parseInt(f[2]), Integer.parseInt(f[3]) * Double.parseDouble(f[4]), Double::sum);
    }
    long high = spend.values().stream().filter(s -> s > 20000).count();
    List<Row> tiers = CustomerSegments.tiers(csv(SALES)).collectAsList();
    assertThat(tiers).extracting(r -> r.getString(0)).containsExactly("High Value", "Low Value", "Medium Value");
    assertThat(tiers.stream().mapToLong(r -> r.getLong(3)).sum()).isEqualTo(spend.size());
    assertThat(tiers.get(0).getLong(3)).isEqualTo(high);
  }

  @Test
  void rangeNumbers_hundredNumbers_evenSum() {
    DataFrame numbers = RangeNumbers.numbers(session);
    assertThat(numbers.columns()).containsExactly("number");
    assertThat(numbers.count()).isEqualTo(100);
    assertThat(RangeNumbers.evenSum(numbers)).isEqualTo(2450);
  }

  @Test
  void broadcastJoin_broadcastsCustomers_andKeepsEverySale() throws Exception {
    DataFrame result = BroadcastJoin.bySegment(csv(SALES), csv(CUSTOMERS));
    assertThat(result.explainString(false)).contains("BroadcastHashJoin");
    long orders = result.collectAsList().stream().mapToLong(r -> r.getLong(2)).sum();
    assertThat(orders).isEqualTo(lines(SALES).size());
  }

  @Test
  void cacheAndRepartition_twoHundredPartitions_cachedCountsAgree() {
    DataFrame cached = CacheAndRepartition.cached(csv(SALES));
    assertThat(cached.numPartitions()).isEqualTo(200);
    assertThat(cached.count()).isEqualTo(600);
    assertThat(cached.count()).isEqualTo(600);
    assertThat(CacheAndRepartition.revenueByRegion(cached).count()).isEqualTo(8);
    cached.unpersist();
  }

  @Test
  void timeSeriesPrep_orderedScaledWindows() {
    DataFrame scaled = TimeSeriesPrep.scaled(csv("data/timeseries.csv"));
    List<Row> rows = scaled.collectAsList();
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i - 1).getTimestamp(0)).isBefore(rows.get(i).getTimestamp(0));
    }
    assertThat(rows.stream().mapToDouble(r -> r.getDouble(2)).min().orElseThrow()).isEqualTo(0.0);
    assertThat(rows.stream().mapToDouble(r -> r.getDouble(2)).max().orElseThrow()).isEqualTo(1.0);
    TimeSeriesPrep.Windows w = TimeSeriesPrep.windows(scaled, 24);
    assertThat(w.x()).hasNumberOfRows(rows.size() - 24);
    assertThat(w.x()[1][0]).isEqualTo(w.x()[0][1]);
    assertThat(w.y()[0]).isEqualTo(w.x()[1][23]);
  }

  @Test
  void mains_runAndPrint() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true));
    try {
      RangeNumbers.main(new String[0]);
      CustomerSegments.main(new String[] {SALES});
      BroadcastJoin.main(new String[] {SALES, CUSTOMERS});
      CacheAndRepartition.main(new String[] {SALES});
      TimeSeriesPrep.main(new String[] {"data/timeseries.csv", "24"});
    } finally {
      System.setOut(original);
    }
    String out = captured.toString();
    assertThat(out).contains("Sum of the even numbers: 2450").contains("|        tier|avg_spend|total_spend|customers|")
        .contains("BroadcastHashJoin").contains("Partitions: 200").contains("ready to train");
  }
}
