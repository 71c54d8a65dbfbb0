package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.LongAccumulator;
import io.kindling.rdd.RDD;
import io.kindling.sql.types.StructType;
import io.kindling.storage.StorageLevel;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** cache()/persist() keep column batches; rdd() and createDataFrame(RDD) cross between the APIs. */
class CacheAndBridgeTest extends SqlTestSession {

  private static DataFrame counted(LongAccumulator computed) {
    RDD<Row> rows = session.parallelize(IntStream.range(0, 100).boxed().collect(Collectors.toList()), 4)
        .map(i -> {
          computed.add(1);
          return Row.of(i, "k" + (i % 3));
        });
    return session.createDataFrame(rows, StructType.fromDDL("n INT, k STRING"));
  }

  @Test
  void cache_secondActionReadsStoredBatches() {
    LongAccumulator computed = session.longAccumulator("computed");
    DataFrame df = counted(computed).cache();
    assertThat(df.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY);
    assertThat(df.count()).isEqualTo(100);
    long afterFirst = computed.value();
    assertThat(afterFirst).isEqualTo(100);
    assertThat(df.filter(col("n").gt(50)).count()).isEqualTo(49);
    assertThat(df.groupBy("k").agg(sum("n")).count()).isEqualTo(3);
    assertThat(computed.value()).isEqualTo(afterFirst);
    df.unpersist();
    assertThat(df.storageLevel()).isEqualTo(StorageLevel.NONE);
    assertThat(df.count()).isEqualTo(100);
    assertThat(computed.value()).isEqualTo(200);
  }

  @Test
  void persist_serializedLevel_sameRows() {
    LongAccumulator computed = session.longAccumulator("computed2");
    DataFrame df = counted(computed).persist(StorageLevel.OFF_HEAP);
    String first = rows(df.orderBy("n").limit(5));
    assertThat(rows(df.orderBy("n").limit(5))).isEqualTo(first).isEqualTo("[[0,k0], [1,k1], [2,k2], [3,k0], [4,k1]]");
    assertThat(computed.value()).isEqualTo(100);
    df.unpersist();
  }

  @Test
  void cache_appliesToDataFramesBuiltFromTheCachedOne() {
    LongAccumulator computed = session.longAccumulator("computed3");
    DataFrame base = counted(computed);
    DataFrame derived = base.filter(col("n").lt(10));
    base.cache();
    assertThat(derived.count()).isEqualTo(10);
    assertThat(base.count()).isEqualTo(100);
    assertThat(computed.value()).isEqualTo(100);
    base.unpersist();
  }

  @Test
  void rdd_rowsWithSchema_andBack() {
    DataFrame df = session.range(5).toDF("number");
    RDD<Row> rdd = df.rdd();
    assertThat(rdd.map(r -> r.<Long>getAs("number") * 2).collect()).containsExactly(0L, 2L, 4L, 6L, 8L);
    DataFrame back = session.createDataFrame(rdd, df.schema());
    assertThat(rows(back)).isEqualTo("[[0], [1], [2], [3], [4]]");
    assertThat(df.javaRDD().count()).isEqualTo(5);
  }

  @Test
  void createDataFrame_rowsOfWrongType_fail() {
    assertThatThrownBy(() -> session.createDataFrame(List.of(Row.of("x")), StructType.fromDDL("n INT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a valid external type");
    assertThatThrownBy(() -> session.createDataFrame(List.of(Row.of(1, 2)), StructType.fromDDL("n INT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 values");
    assertThatThrownBy(() -> session.createDataFrame(List.of(Row.of((Object) null)),
        new StructType().add("n", io.kindling.sql.types.DataTypes.IntegerType, false)))
        .hasMessageContaining("cannot be null");
    RDD<Row> bad = session.parallelize(List.of(Row.of("x")), 1);
    DataFrame lazy = session.createDataFrame(bad, StructType.fromDDL("n INT"));
    assertThatThrownBy(lazy::collectAsList).hasStackTraceContaining("is not a valid external type");
  }

  @Test
  void emptyDataFrames_behave() {
    DataFrame empty = session.createDataFrame(List.of(), StructType.fromDDL("a INT, b STRING"));
    assertThat(empty.count()).isZero();
    assertThat(empty.collectAsList()).isEmpty();
    assertThat(empty.groupBy("b").count().collectAsList()).isEmpty();
    assertThat(rows(empty.agg(sum("a")))).isEqualTo("[[null]]");
    assertThat(empty.join(empty, "a").count()).isZero();
    assertThat(empty.orderBy("a").collectAsList()).isEmpty();
    assertThat(session.range(0).count()).isZero();
    assertThat(session.createDataFrame(session.emptyRDD(), StructType.fromDDL("a INT")).count()).isZero();
  }

  @Test
  void tempView_registered() {
    session.range(3).createOrReplaceTempView("numbers");
    assertThat(session.range(1).sqlContext().views()).containsKey("numbers");
  }
}
