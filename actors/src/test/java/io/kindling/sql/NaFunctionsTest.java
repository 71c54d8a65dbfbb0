package io.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** df.na(): drop and fill, with NaN counted as missing as Spark does. */
class NaFunctionsTest extends SqlTestSession {

  @Test
  void fill_numbersAndStrings_likeSpark() {
    DataFrame df = AggregationTest.data();
    assertThat(rows(df.na().fill(0).na().fill("zz")))
        .isEqualTo("[[a,1,1.0], [a,0,2.0], [zz,3,0.0], [b,4,4.0], [b,5,0.0], [a,2147483647,3.0]]");
    assertThat(rows(df.na().fill(1.5)))
        .isEqualTo("[[a,1,1.0], [a,1,2.0], [null,3,1.5], [b,4,4.0], [b,5,1.5], [a,2147483647,3.0]]");
  }

  @Test
  void fill_byColumnAndMap() {
    DataFrame df = AggregationTest.data();
    assertThat(rows(df.na().fill(9, new String[] {"v"}).select("v")))
        .isEqualTo("[[1], [9], [3], [4], [5], [2147483647]]");
    assertThat(rows(df.na().fill(Map.of("k", "?", "d", -1.0)).select("k", "d")))
        .isEqualTo("[[a,1.0], [a,2.0], [?,-1.0], [b,4.0], [b,-1.0], [a,3.0]]");
    DataFrame flags = df("f BOOLEAN", r(true), r(new Object[] {null}));
    assertThat(rows(flags.na().fill(false))).isEqualTo("[[true], [false]]");
  }

  @Test
  void drop_anyAllAndThreshold_likeSpark() {
    DataFrame df = AggregationTest.data();
    assertThat(rows(df.na().drop())).isEqualTo("[[a,1,1.0], [b,4,4.0], [a,2147483647,3.0]]");
    assertThat(df.na().drop("all").count()).isEqualTo(6);
    assertThat(rows(df.na().drop(new String[] {"v"}).select("v"))).isEqualTo("[[1], [3], [4], [5], [2147483647]]");
    assertThat(df.na().drop(3).count()).isEqualTo(3);
    assertThat(df.na().drop(2).count()).isEqualTo(5);
  }
}
