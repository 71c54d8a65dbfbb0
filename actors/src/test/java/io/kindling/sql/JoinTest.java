package io.kindling.sql;

import static io.kindling.sql.functions.broadcast;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every join type, by using columns and by condition, broadcast and shuffled, against Spark 3.5.3's rows. */
class JoinTest extends SqlTestSession {

  static DataFrame left() {
    return df("id INT, a STRING", r(1, "x"), r(2, "y"), r(null, "z"), r(2, "w"));
  }

  static DataFrame right() {
    return df("id INT, b STRING", r(2, "p"), r(3, "q"), r(null, "n"));
  }

  private static final String[][] USING = {
      {"inner", "[[2,w,p], [2,y,p]]"},
      {"left", "[[2,w,p], [1,x,null], [2,y,p], [null,z,null]]"},
      {"right", "[[null,null,n], [3,null,q], [2,w,p], [2,y,p]]"},
      {"full", "[[null,null,n], [3,null,q], [2,w,p], [1,x,null], [2,y,p], [null,z,null]]"},
  };

  private static final String[][] CONDITION = {
      {"inner", "[[2,w,2,p], [2,y,2,p]]"},
      {"left", "[[2,w,2,p], [1,x,null,null], [2,y,2,p], [null,z,null,null]]"},
      {"right", "[[null,null,null,n], [null,null,3,q], [2,w,2,p], [2,y,2,p]]"},
      {"full", "[[null,null,null,n], [null,null,3,q], [2,w,2,p], [1,x,null,null], [2,y,2,p], [null,z,null,null]]"},
  };

  @Test
  void usingColumn_everyType_likeSpark() {
    for (String[] c : USING) {
      DataFrame joined = left().join(right(), List.of("id"), c[0]);
      assertThat(rows(joined.orderBy(col("a"), col("b")))).as(c[0]).isEqualTo(c[1]);
      assertThat(joined.columns()).as(c[0]).containsExactly("id", "a", "b");
    }
  }

  @Test
  void condition_everyType_likeSpark() {
    for (String[] c : CONDITION) {
      DataFrame l = left();
      DataFrame r = right();
      DataFrame joined = l.join(r, l.col("id").equalTo(r.col("id")), c[0]);
      assertThat(rows(joined.orderBy(col("a"), col("b")))).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void semiAndAnti_keepLeftColumnsOnly() {
    DataFrame l = left();
    DataFrame r = right();
    assertThat(rows(l.join(r, List.of("id"), "left_semi").orderBy("a"))).isEqualTo("[[2,w], [2,y]]");
    assertThat(rows(l.join(r, List.of("id"), "left_anti").orderBy("a"))).isEqualTo("[[1,x], [null,z]]");
    assertThat(rows(l.join(r, l.col("id").equalTo(r.col("id")), "leftsemi").orderBy("a")))
        .isEqualTo("[[2,w], [2,y]]");
    assertThat(rows(l.join(r, l.col("id").equalTo(r.col("id")), "anti").orderBy("a")))
        .isEqualTo("[[1,x], [null,z]]");
  }

  @Test
  void crossJoin_everyPair() {
    DataFrame l = left();
    DataFrame r = right();
    assertThat(rows(l.crossJoin(r).select(l.col("id"), r.col("b")).orderBy(l.col("id"), col("b"))))
        .isEqualTo("[[null,n], [null,p], [null,q], [1,n], [1,p], [1,q], [2,n], [2,n], [2,p], [2,p], [2,q], [2,q]]");
    assertThat(l.join(r).count()).isEqualTo(12);
  }

  @Test
  void nonEquiCondition_leftOuter_likeSpark() {
    DataFrame l = left();
    DataFrame r = right();
    assertThat(rows(l.join(r, l.col("id").lt(r.col("id")), "left").orderBy(col("a"), col("b"))))
        .isEqualTo("[[2,w,3,q], [1,x,2,p], [1,x,3,q], [2,y,3,q], [null,z,null,null]]");
    assertThat(sortedRows(l.join(r, l.col("id").lt(r.col("id")), "full").select(col("a"), col("b"))))
        .containsExactly("[null,n]", "[w,q]", "[x,p]", "[x,q]", "[y,q]", "[z,null]");
  }

  @Test
  void equiPlusResidualCondition_onlyMatchingPairsCount() {
    DataFrame l = df("k INT, x INT", r(1, 10), r(1, 20), r(2, 5));
    DataFrame r = df("k INT, y INT", r(1, 15), r(2, 1));
    DataFrame joined = l.join(r, l.col("k").equalTo(r.col("k")).and(l.col("x").gt(r.col("y"))), "left");
    assertThat(sortedRows(joined.select(l.col("x"), r.col("y")))).containsExactly("[10,null]", "[20,15]", "[5,1]");
  }

  @Test
  void broadcastHintAndThreshold_sameRowsEveryStrategy() {
    DataFrame l = left();
    DataFrame r = right();
    String expected = rows(l.join(r, List.of("id"), "left").orderBy(col("a"), col("b")));
    assertThat(rows(l.join(broadcast(r), List.of("id"), "left").orderBy(col("a"), col("b")))).isEqualTo(expected);
    assertThat(l.join(broadcast(r), List.of("id")).explainString(false)).contains("BroadcastHashJoin");
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.sql.autoBroadcastJoinThreshold", "-1").create()) {
      DataFrame l2 = s.createDataFrame(l.collectAsList(), l.schema());
      DataFrame r2 = s.createDataFrame(r.collectAsList(), r.schema());
      DataFrame shuffled = l2.join(r2, List.of("id"), "left");
      assertThat(shuffled.explainString(false)).contains("ShuffledHashJoin").doesNotContain("Broadcast");
      assertThat(rows(shuffled.orderBy(col("a"), col("b")))).isEqualTo(expected);
      for (String[] c : CONDITION) {
        DataFrame j = l2.join(r2, l2.col("id").equalTo(r2.col("id")), c[0]);
        assertThat(rows(j.orderBy(col("a"), col("b")))).as(c[0]).isEqualTo(c[1]);
      }
      assertThat(l2.join(broadcast(r2), List.of("id")).explainString(false)).contains("BroadcastHashJoin");
    }
  }

  @Test
  void smallSide_isBroadcastBySize() {
    DataFrame big = session.range(0, 1000, 1, 4).toDF("id");
    DataFrame small = df("id BIGINT, name STRING", r(1L, "one"), r(2L, "two"));
    assertThat(big.join(small, "id").explainString(false)).contains("BroadcastHashJoin");
    assertThat(sortedRows(big.join(small, "id"))).containsExactly("[1,one]", "[2,two]");
  }

  @Test
  void selfJoin_usingColumn_works() {
    DataFrame l = left();
    assertThat(l.join(l, List.of("id")).count()).isEqualTo(5);
  }

  @Test
  void joinKeysOfDifferentTypes_areWidened() {
    DataFrame l = df("id INT, a STRING", r(1, "x"), r(2, "y"));
    DataFrame r = df("id BIGINT, b STRING", r(2L, "p"));
    assertThat(rows(l.join(r, "id"))).isEqualTo("[[2,y,p]]");
  }

  @Test
  void joinThenAggregate_segmentStyle() {
    DataFrame sales = df("customer_id INT, quantity INT, price DOUBLE", r(1, 2, 10.0), r(2, 1, 5.0), r(1, 1, 2.5),
        r(3, 4, 1.0));
    DataFrame customers = df("customer_id INT, segment STRING", r(1, "Consumer"), r(2, "Home Office"),
        r(3, "Consumer"));
    DataFrame result = sales.join(customers, "customer_id").groupBy("segment")
        .agg(sum(col("quantity").multiply(col("price"))).as("revenue"), count(lit(1)).as("orders"))
        .orderBy("segment");
    assertThat(rows(result)).isEqualTo("[[Consumer,26.5,3], [Home Office,5.0,1]]");
  }
}
