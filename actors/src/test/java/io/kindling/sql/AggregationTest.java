package io.kindling.sql;

import static io.kindling.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** groupBy/agg results, against Spark 3.5.3's for the same data (nulls, NaN, int overflow, empty input). */
class AggregationTest extends SqlTestSession {

  static DataFrame data() {
    return df("k STRING, v INT, d DOUBLE", r("a", 1, 1.0), r("a", null, 2.0), r(null, 3, null), r("b", 4, 4.0),
        r("b", 5, Double.NaN), r("a", Integer.MAX_VALUE, 3.0));
  }

  @Test
  void groupBy_everyAggregate_likeSpark() {
    List<Row> rows = data().groupBy("k").agg(count("*"), count("v"), sum("v"), avg("v"), min("d"), max("d"),
        stddev("v"), variance("v"), countDistinct(col("v")), last("v"), collect_list("v"), sum("d"))
        .orderBy("k").collectAsList();
    assertThat(rows.get(0).toString()).isEqualTo("[null,1,1,3,3.0,null,null,null,null,1,3,[3],null]");
    assertThat(rows.get(1).toString()).isEqualTo(
        "[a,3,2,2147483648,1.073741824E9,1.0,3.0,1.5185002485738113E9,2.30584300491872666E18,2,2147483647,"
            + "[1, 2147483647],6.0]");
    assertThat(rows.get(2).toString()).isEqualTo("[b,2,2,9,4.5,4.0,NaN,0.7071067811865476,0.5,2,5,[4, 5],NaN]");
  }

  @Test
  void globalAggregate_likeSpark() {
    assertThat(rows(data().agg(sum("v"), avg("d"), stddev("d"), max("k"), min("k"), countDistinct(col("k")))))
        .isEqualTo("[[2147483660,NaN,NaN,b,a,2]]");
    assertThat(rows(data().agg(countDistinct(col("k"), col("v")), sumDistinct(col("v"))))).isEqualTo("[[4,2147483660]]");
  }

  @Test
  void globalAggregate_emptyInput_oneRowOfNullsAndZeroCounts() {
    DataFrame empty = data().filter(col("v").gt(100)).filter(col("v").lt(0));
    assertThat(rows(empty.agg(count("*"), count("v"), sum("v"), avg("d"), min("k"), collect_list("v"),
        countDistinct(col("v"))))).isEqualTo("[[0,0,null,null,null,[],0]]");
    assertThat(empty.count()).isZero();
    assertThat(rows(empty.groupBy("k").count())).isEqualTo("[]");
  }

  @Test
  void count_vsCountColumn_nullsDiffer() {
    assertThat(data().count()).isEqualTo(6);
    assertThat(rows(data().agg(count("*"), count("v"), count("k"), count(col("d"))))).isEqualTo("[[6,5,5,5]]");
  }

  @Test
  void collectSet_distinctValues() {
    List<Row> rows = data().groupBy("k").agg(collect_set("v")).orderBy("k").collectAsList();
    assertThat(new HashSet<>(rows.get(1).getList(1))).isEqualTo(Set.of(1, Integer.MAX_VALUE));
  }

  @Test
  void firstAndLast_singlePartitionOrder() {
    DataFrame one = data().coalesce(1);
    assertThat(rows(one.groupBy("k").agg(first("v"), last("v")).orderBy("k")))
        .isEqualTo("[[null,3,3], [a,1,2147483647], [b,4,5]]");
  }

  @Test
  void groupedDataShortcuts_nameColumnsLikeSpark() {
    DataFrame df = df("g STRING, x INT, y DOUBLE", r("p", 1, 1.5), r("p", 2, 2.5), r("q", 3, null));
    assertThat(rows(df.groupBy("g").count().orderBy("g"))).isEqualTo("[[p,2], [q,1]]");
    assertThat(rows(df.groupBy("g").sum("x", "y").orderBy("g"))).isEqualTo("[[p,3,4.0], [q,3,null]]");
    assertThat(rows(df.groupBy("g").avg("x").orderBy("g"))).isEqualTo("[[p,1.5], [q,3.0]]");
    assertThat(rows(df.groupBy("g").mean("y").orderBy("g"))).isEqualTo("[[p,2.0], [q,null]]");
    assertThat(rows(df.groupBy("g").min().orderBy("g"))).isEqualTo("[[p,1,1.5], [q,3,null]]");
    assertThat(rows(df.groupBy("g").max("x").orderBy("g"))).isEqualTo("[[p,2], [q,3]]");
    assertThat(df.groupBy("g").sum("x").columns()).containsExactly("g", "sum(x)");
  }

  @Test
  void groupBy_expressionAndSeveralKeys() {
    DataFrame df = session.range(20).toDF("n");
    assertThat(rows(df.groupBy(col("n").mod(3).as("m"), col("n").lt(10).as("low")).count().orderBy("m", "low")))
        .isEqualTo("[[0,false,3], [0,true,4], [1,false,4], [1,true,3], [2,false,3], [2,true,3]]");
  }

  @Test
  void aggregateExpressions_combineAggregates() {
    DataFrame df = df("g STRING, x INT", r("p", 1), r("p", 3), r("q", 10));
    assertThat(rows(df.groupBy("g").agg(sum("x").divide(count("x")).as("mean"), max("x").minus(min("x")).as("span"))
        .orderBy("g"))).isEqualTo("[[p,2.0,2], [q,10.0,0]]");
  }

  @Test
  void groupBy_booleanDoubleDateKeys_groupNullsAndNaNTogether() {
    DataFrame df = df("b BOOLEAN, d DOUBLE, t DATE", r(true, 0.0, java.time.LocalDate.of(2024, 1, 1)),
        r(true, -0.0, java.time.LocalDate.of(2024, 1, 1)), r(null, Double.NaN, null), r(false, Double.NaN, null));
    assertThat(sortedRows(df.groupBy("b").count())).containsExactly("[false,1]", "[null,1]", "[true,2]");
    assertThat(sortedRows(df.groupBy("d").count())).containsExactly("[0.0,2]", "[NaN,2]");
    assertThat(sortedRows(df.groupBy("t").count())).containsExactly("[2024-01-01,2]", "[null,2]");
  }

  @Test
  void orderBy_groupingExpressionsOfAnAggregation_resolveAsSpark() {
    DataFrame df = df("k STRING, i INT, b BOOLEAN", r("a", 1, true), r("b", 2, false), r("a", 3, null),
        r("c", null, true), r("b", 5, true));
    // Spark 3.5.3 resolves the sort expressions to the aggregation's grouping columns.
    assertThat(rows(df.groupBy(upper(col("k"))).count().orderBy(upper(col("k")).desc())))
        .isEqualTo("[[C,1], [B,2], [A,2]]");
    assertThat(rows(df.groupBy(col("i").mod(2), col("b")).count().orderBy(col("i").mod(2), col("b"))))
        .isEqualTo("[[null,true,1], [0,false,1], [1,null,1], [1,true,2]]");
    assertThatThrownBy(() -> df.groupBy(upper(col("k"))).count().orderBy(col("i")))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("`i` cannot be resolved");
  }

  @Test
  void groupByAndDistinct_negativeZeroFirst_showsZeroAsSpark() {
    DataFrame df = df("d DOUBLE, b BOOLEAN, i INT", r(1.0, true, 1), r(-0.0, false, 2), r(0.0, null, null));
    // Spark 3.5.3 normalizes the key: the group of -0.0 and 0.0 is shown as 0.0, whatever row came first.
    assertThat(rows(df.groupBy("d").agg(count("*"), collect_list("i")).orderBy("d")))
        .isEqualTo("[[0.0,2,[2]], [1.0,1,[1]]]");
    assertThat(rows(df.groupBy(col("d"), col("b")).count().orderBy("d", "b")))
        .isEqualTo("[[0.0,null,1], [0.0,false,1], [1.0,true,1]]");
    assertThat(rows(df.select("d").distinct().orderBy("d"))).isEqualTo("[[0.0], [1.0]]");
  }

  @Test
  void sumOfLongs_wrapsOnOverflow_likeSparkWithoutAnsi() {
    DataFrame df = df("x BIGINT", r(Long.MAX_VALUE), r(1L));
    assertThat(rows(df.agg(sum("x")))).isEqualTo("[[-9223372036854775808]]");
  }

  @Test
  void manyGroupsAcrossPartitions_matchReference() {
    DataFrame df = session.range(0, 100_000, 1, 4).toDF("n").withColumn("g", col("n").mod(997));
    List<Row> rows = df.groupBy("g").agg(sum("n"), count("n")).collectAsList();
    assertThat(rows).hasSize(997);
    long[] sums = new long[997];
    for (long n = 0; n < 100_000; n++) {
      sums[(int) (n % 997)] += n;
    }
    for (Row r : rows) {
      assertThat(r.getLong(1)).isEqualTo(sums[(int) r.getLong(0)]);
    }
  }

  @Test
  void distinctAndDropDuplicates_likeSpark() {
    assertThat(rows(data().select("k").distinct().orderBy("k"))).isEqualTo("[[null], [a], [b]]");
    assertThat(rows(data().coalesce(1).dropDuplicates("k").orderBy("k")))
        .isEqualTo("[[null,3,null], [a,1,1.0], [b,4,4.0]]");
    assertThat(data().dropDuplicates().count()).isEqualTo(6);
    assertThat(data().union(data()).distinct().count()).isEqualTo(6);
  }
}
