package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An aggregation's exchange is read in as few partitions as its map output needs at the advisory size (Spark's
 * adaptive coalescing): the same answer as reading every shuffle partition, with fewer reduce tasks.
 */
class AdaptiveExchangeTest {
  // A join makes the planned size huge (as Spark estimates it: the product of the sides), so the plan asks for
  // every configured shuffle partition; the aggregated output is a few kilobytes.
  private static DataFrame grouped(KindlingSession s) {
    DataFrame lookup = s.range(0, 100, 1, 1).withColumn("w", col("id").multiply(2));
    return s.range(0, 20_000, 1, 4).withColumn("k", col("id").mod(37)).withColumn("v", col("id").multiply(3))
        .join(lookup.withColumnRenamed("id", "k"), "k").groupBy("k").agg(sum(col("v")), count(lit(1)), sum("w"));
  }

  private static List<Row> query(KindlingSession s) {
    return grouped(s).orderBy("k").collectAsList();
  }

  private static int reducePartitions(KindlingSession s) {
    return grouped(s).rdd().getNumPartitions();
  }

  @Test
  void aggregation_smallMapOutput_coalescedToOnePartitionSameAnswer() {
    List<Row> expected;
    try (KindlingSession plain = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.shuffle.partitions", 50).config("kindling.sql.adaptive.enabled", false).create()) {
      expected = query(plain);
      assertThat(reducePartitions(plain)).isEqualTo(50);
    }
    assertThat(expected).hasSize(37);
    try (KindlingSession adaptive = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.shuffle.partitions", 50).create()) {
      assertThat(query(adaptive)).isEqualTo(expected);
      assertThat(reducePartitions(adaptive)).isEqualTo(1);
    }
    // A small advisory size: several coalesced partitions, each a run of shuffle partitions.
    try (KindlingSession tight = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.shuffle.partitions", 50)
        .config("kindling.sql.adaptive.advisoryPartitionSizeInBytes", "200").create()) {
      assertThat(query(tight)).isEqualTo(expected);
      assertThat(reducePartitions(tight)).isBetween(2, 50);
    }
  }

  @Test
  void aggregation_exchangeViaDriver_sameAnswer() {
    List<Row> expected;
    try (KindlingSession plain = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.shuffle.partitions", 8).config("kindling.sql.adaptive.enabled", false).create()) {
      expected = query(plain);
    }
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.shuffle.partitions", 8).config("kindling.sql.exchange", "driver").create()) {
      assertThat(query(s)).isEqualTo(expected);
    }
  }
}
