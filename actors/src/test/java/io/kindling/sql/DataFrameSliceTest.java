package io.kindling.sql;

import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static io.kindling.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataFrameSliceTest {
  static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  @Test
  void range_selectFilterGroupBy_matchesReference() {
    DataFrame df = session.range(100).toDF("number")
        .withColumn("bucket", col("number").mod(3))
        .filter(col("number").gt(10));
    List<Row> rows = df.groupBy("bucket").agg(sum("number"), count(lit(1)), avg("number"))
        .orderBy("bucket").collectAsList();
    assertThat(rows).hasSize(3);
    long total = 0;
    for (Row r : rows) {
      total += r.getLong(1);
    }
    assertThat(total).isEqualTo((99 * 100 / 2) - (10 * 11 / 2));
    df.groupBy("bucket").agg(sum("number"), count(lit(1)), avg("number")).orderBy("bucket").show();
    df.explain();
  }

  @Test
  void createDataFrame_whenOtherwise_showsLikeSpark() {
    StructType schema = StructType.fromDDL("name STRING, amount DOUBLE");
    DataFrame df = session.createDataFrame(List.of(Row.of("a", 1200.0), Row.of("b", 700.0), Row.of("c", 20.0),
        Row.of(null, null)), schema);
    DataFrame tiers = df.withColumn("tier", when(col("amount").gt(1000), "High Value")
        .when(col("amount").gt(500), "Medium Value").otherwise("Low Value"));
    tiers.show();
    tiers.groupBy("tier").agg(avg("amount"), sum("amount"), count(lit(1))).show();
    assertThat(tiers.count()).isEqualTo(4);
  }
}
