package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain() text and the optimizer's effect on real plans. */
class ExplainAndOptimizerTest extends SqlTestSession {
  @TempDir
  Path dir;

  @Test
  void explain_printsOptimizedLogicalAndPhysicalPlans() {
    DataFrame df = session.range(100).toDF("n").filter(col("n").gt(5)).groupBy(col("n").mod(2).as("m")).agg(sum("n"));
    String text = df.explainString(false);
    assertThat(text).startsWith("== Optimized Logical Plan ==\nAggregate ");
    assertThat(text).contains("== Physical Plan ==\n");
    assertThat(text).contains("HashAggregate(keys=").contains("partial_sum").contains("Exchange hashpartitioning(");
    assertThat(df.explainString(true)).startsWith("== Analyzed Logical Plan ==\nm: bigint, sum(n): bigint\n");
  }

  @Test
  void optimizer_prunesColumnsAndPushesFiltersIntoScan() throws Exception {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, "id,region,price,quantity\n1,EU,2.0,3\n2,US,1.0,1\n");
    DataFrame sales = session.read().option("header", true).option("inferSchema", true).csv(f.toString());
    DataFrame q = sales.withColumn("total", col("price").multiply(col("quantity")))
        .filter(col("region").equalTo("EU")).select("total");
    String plan = q.explainString(false);
    String physical = plan.substring(plan.indexOf("== Physical Plan =="));
    assertThat(physical).contains("FileScan csv").contains("PushedFilters: [(region#").doesNotContain("id#");
    assertThat(rows(q)).isEqualTo("[[6.0]]");
  }

  @Test
  void optimizer_foldsConstantsAndCombinesFilters() {
    DataFrame q = session.range(10).toDF("n").filter(col("n").gt(lit(1).plus(lit(2)))).filter(col("n").lt(8));
    String optimized = q.explainString(false).split("== Physical Plan ==")[0];
    assertThat(optimized).contains("Filter ((id#").contains("> 3) AND (id#").contains("< 8))");
    assertThat(optimized.split("Filter").length).isEqualTo(2);
    assertThat(q.count()).isEqualTo(4);
  }

  @Test
  void optimizer_alwaysFalseFilter_becomesEmptyRelation() {
    DataFrame q = session.range(10).filter(lit(1).gt(2));
    assertThat(q.explainString(false)).contains("LocalRelation");
    assertThat(q.count()).isZero();
  }

  @Test
  void optimizer_pushesFilterBelowJoin() {
    DataFrame l = JoinTest.left();
    DataFrame r = JoinTest.right();
    DataFrame q = l.join(r, "id").filter(col("a").equalTo("w"));
    String optimized = q.explainString(false).split("== Physical Plan ==")[0];
    assertThat(optimized.indexOf("Filter")).isGreaterThan(optimized.indexOf("Join"));
    assertThat(rows(q)).isEqualTo("[[2,w,p]]");
  }
}
