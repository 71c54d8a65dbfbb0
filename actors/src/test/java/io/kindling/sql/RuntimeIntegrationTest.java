package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DataFrames run on the same runtime as RDDs: exchanges are shuffles (with the shuffle metrics), cached
 * DataFrames are blocks (with the cache metrics), and failed task attempts are retried.
 */
class RuntimeIntegrationTest extends SqlTestSession {

  private static String aggregateJoinSort(KindlingSession s) {
    DataFrame facts = s.range(0, 5000, 1, 4).toDF("n").withColumn("k", col("n").mod(50));
    DataFrame dims = s.range(0, 50, 1, 2).toDF("k").withColumn("label", col("k").multiply(10));
    DataFrame joined = facts.join(dims, "k");
    return joined.groupBy("label").agg(sum("n"), count(lit(1))).orderBy(col("label").desc()).limit(3)
        .collectAsList().toString();
  }

  @Test
  void exchanges_areShuffleDependenciesOfTheLineage() {
    DataFrame df = session.range(0, 10_000, 1, 4).toDF("n").groupBy(col("n").mod(7)).count();
    String lineage = df.rdd().toDebugString();
    assertThat(lineage).contains("ShuffledRowRDD").contains("+-");
    assertThat(df.collectAsList()).hasSize(7);
  }

  @Test
  void driverExchange_fallback_givesTheSameAnswers() {
    String expected;
    try (KindlingSession shuffle = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.autoBroadcastJoinThreshold", "-1").create()) {
      expected = aggregateJoinSort(shuffle);
    }
    try (KindlingSession driver = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.exchange", "driver").config("kindling.sql.autoBroadcastJoinThreshold", "-1").create()) {
      assertThat(aggregateJoinSort(driver)).isEqualTo(expected);
    }
    assertThat(expected).isEqualTo("[[490,252400,100], [480,252300,100], [470,252200,100]]");
  }

  @Test
  void cachedDataFrame_countsInCachedBytes_untilUnpersisted() {
    DataFrame df = session.range(0, 20_000, 1, 2).toDF("n").withColumn("s", col("n").cast("string")).cache();
    assertThat(df.count()).isEqualTo(20_000);
    assertThat(session.metrics().cachedBytes(StorageLevel.MEMORY_ONLY)).isPositive();
    df.unpersist();
  }

  @Test
  void failedAttempts_areRetried_sameRows() {
    DataFrame df = session.range(0, 100, 1, 2).toDF("n").filter(col("n").mod(3).equalTo(0));
    RDD<Row> rows = df.rdd();
    long retriesBefore = session.metrics().taskRetries();
    session.faults().failAttempts(rows, 1, 2);
    List<Row> collected = rows.collect();
    assertThat(collected).hasSize(34);
    assertThat(session.metrics().taskRetries()).isGreaterThanOrEqualTo(retriesBefore + 2);
  }
}
