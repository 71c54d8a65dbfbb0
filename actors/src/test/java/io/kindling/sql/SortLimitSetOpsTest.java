package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.desc;
import static io.kindling.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ordering, limits, unions, sampling and partitioning. */
class SortLimitSetOpsTest extends SqlTestSession {

  @Test
  void orderBy_nullsAndNaN_likeSpark() {
    DataFrame df = AggregationTest.data();
    assertThat(rows(df.orderBy("d").select("d"))).isEqualTo("[[null], [1.0], [2.0], [3.0], [4.0], [NaN]]");
    assertThat(rows(df.orderBy(col("d").desc()).select("d"))).isEqualTo("[[NaN], [4.0], [3.0], [2.0], [1.0], [null]]");
    assertThat(rows(df.orderBy(col("k").desc(), col("v")).select("k", "v")))
        .isEqualTo("[[b,4], [b,5], [a,null], [a,1], [a,2147483647], [null,3]]");
    assertThat(rows(df.orderBy(col("k").asc_nulls_last(), col("v").desc_nulls_first()).select("k", "v")))
        .isEqualTo("[[a,null], [a,2147483647], [a,1], [b,5], [b,4], [null,3]]");
    assertThat(rows(df.sort(desc("v")).select("v").limit(2))).isEqualTo("[[2147483647], [5]]");
  }

  @Test
  void orderBy_manyRowsManyPartitions_globallyOrdered() {
    Random random = new Random(11);
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      data.add(Row.of(random.nextInt(1000) - 500, "s" + random.nextInt(50)));
    }
    DataFrame df = session.createDataFrame(data, io.kindling.sql.types.StructType.fromDDL("x INT, s STRING"))
        .repartition(5);
    List<Row> sorted = df.orderBy(col("x"), col("s").desc()).collectAsList();
    assertThat(sorted).hasSize(20_000);
    for (int i = 1; i < sorted.size(); i++) {
      Row a = sorted.get(i - 1);
      Row b = sorted.get(i);
      assertThat(a.getInt(0) < b.getInt(0) || (a.getInt(0) == b.getInt(0) && a.getString(1).compareTo(b.getString(1))
          >= 0)).as("rows %d and %d in order", i - 1, i).isTrue();
    }
  }

  @Test
  void sort_spillsToDisk_andMergesRuns() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").config("kindling.sql.sort.spill-rows", 1000L)
        .create()) {
      DataFrame df = s.range(0, 25_000, 1, 3).toDF("n").withColumn("k", col("n").multiply(7919).mod(10007));
      List<Row> sorted = df.orderBy("k", "n").collectAsList();
      assertThat(sorted).hasSize(25_000);
      for (int i = 1; i < sorted.size(); i++) {
        assertThat(sorted.get(i - 1).getLong(1)).isLessThanOrEqualTo(sorted.get(i).getLong(1));
      }
    }
  }

  @Test
  void sortWithinPartitions_ordersEachPartitionOnly() {
    DataFrame df = session.range(0, 10, 1, 2).toDF("n").sortWithinPartitions(col("n").desc());
    assertThat(rows(df)).isEqualTo("[[4], [3], [2], [1], [0], [9], [8], [7], [6], [5]]");
  }

  @Test
  void limit_firstRowsAndAcrossPartitions() {
    assertThat(session.range(0, 100, 1, 4).limit(7).count()).isEqualTo(7);
    assertThat(rows(session.range(0, 100, 1, 4).limit(3))).isEqualTo("[[0], [1], [2]]");
    assertThat(session.range(0, 100, 1, 4).limit(0).count()).isZero();
    assertThat(session.range(5).limit(10).count()).isEqualTo(5);
    assertThat(session.range(0, 100, 1, 4).limit(10).groupBy().count().collectAsList().get(0).getLong(0))
        .isEqualTo(10);
  }

  @Test
  void headFirstTakeIsEmpty() {
    DataFrame df = session.range(3).toDF("n");
    assertThat(df.first().getLong(0)).isZero();
    assertThat(df.head(2)).hasSize(2);
    assertThat(df.take(5)).hasSize(3);
    assertThat(df.isEmpty()).isFalse();
    assertThat(df.filter(col("n").gt(5)).isEmpty()).isTrue();
    assertThat(df.first().<Long>getAs("n")).isZero();
  }

  @Test
  void union_byPosition_widensTypes_keepsDuplicates() {
    DataFrame ints = session.range(2).select(col("id").cast("int"));
    assertThat(rows(ints.union(session.range(1).select(lit("x"))))).isEqualTo("[[0], [1], [x]]");
    assertThat(ints.union(ints).count()).isEqualTo(4);
    assertThat(ints.unionAll(ints).schema().get(0).name()).isEqualTo("id");
  }

  @Test
  void unionByName_matchesColumnsByName() {
    DataFrame l = JoinTest.left();
    assertThat(rows(l.unionByName(l.select("a", "id"))))
        .isEqualTo("[[1,x], [2,y], [null,z], [2,w], [1,x], [2,y], [null,z], [2,w]]");
    DataFrame other = df("b STRING, id INT", r("q", 9));
    assertThat(rows(l.limit(1).unionByName(other, true))).isEqualTo("[[1,x,null], [9,null,q]]");
  }

  @Test
  void sample_sameSeedSameRows_fractionRoughlyKept() {
    DataFrame df = session.range(0, 10_000, 1, 4).toDF("n");
    List<Row> a = df.sample(0.1, 42).collectAsList();
    List<Row> b = df.sample(0.1, 42).collectAsList();
    assertThat(a).isEqualTo(b);
    assertThat(a.size()).isBetween(800, 1200);
    assertThat(df.sample(true, 2.0, 7).count()).isBetween(18_000L, 22_000L);
    assertThat(df.sample(0.0, 1).count()).isZero();
  }

  @Test
  void repartitionAndCoalesce_partitionCounts() {
    DataFrame df = session.range(0, 1000, 1, 2).toDF("n");
    assertThat(df.repartition(200).numPartitions()).isEqualTo(200);
    assertThat(df.repartition(200).count()).isEqualTo(1000);
    assertThat(df.repartition(4, col("n")).numPartitions()).isEqualTo(4);
    assertThat(df.repartition(4, col("n").mod(2)).rdd().glom().collect().stream().filter(p -> !p.isEmpty()).count())
        .isLessThanOrEqualTo(2);
    assertThat(df.coalesce(1).numPartitions()).isEqualTo(1);
    assertThat(df.repartition(7).coalesce(3).numPartitions()).isEqualTo(3);
    assertThat(df.repartition(3).orderBy("n").collectAsList().get(999).getLong(0)).isEqualTo(999);
  }
}
