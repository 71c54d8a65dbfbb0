package io.kindling.sql;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.collect_list;
import static io.kindling.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.Tuple2;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Projections and row access: select, withColumn, renames, drops, toDF, Row getters. */
class DataFrameOperationsTest extends SqlTestSession {

  @Test
  void select_starNamesAndColumns() {
    DataFrame df = AggregationTest.data();
    assertThat(df.select("*").columns()).containsExactly("k", "v", "d");
    assertThat(df.select(col("*"), lit(1).as("one")).columns()).containsExactly("k", "v", "d", "one");
    assertThat(df.select(df.col("v"), col("k")).columns()).containsExactly("v", "k");
    // Spark 3.5.3's Java dtypes() gives DataType.toString(), not PySpark's simple names.
    assertThat(df.dtypes()).containsExactly(Tuple2.of("k", "StringType"), Tuple2.of("v", "IntegerType"),
        Tuple2.of("d", "DoubleType"));
    assertThat(df.agg(collect_list("v")).dtypes())
        .containsExactly(Tuple2.of("collect_list(v)", "ArrayType(IntegerType,false)"));
    // Spark 3.5.3's Dataset.toString shows two columns and counts the rest, structs likewise.
    assertThat(df.toString()).isEqualTo("[k: string, v: int ... 1 more field]");
    assertThat(df.select("k", "v").toString()).isEqualTo("[k: string, v: int]");
    assertThat(df("a ARRAY<STRUCT<x: INT, y: ARRAY<INT>>>, s STRUCT<p: INT, q: STRING, r: DOUBLE>, k INT",
        r(null, null, 1)).toString())
        .isEqualTo("[a: array<struct<x:int,y:array<int>>>, s: struct<p: int, q: string ... 1 more field> ... 1 more "
            + "field]");
  }

  @Test
  void withColumn_replacesInPlace_orAppends() {
    DataFrame df = AggregationTest.data();
    assertThat(rows(df.withColumn("v", col("v").plus(1)).select("k", "v").limit(2))).isEqualTo("[[a,2], [a,null]]");
    assertThat(df.withColumn("V", lit(0)).columns()).containsExactly("k", "V", "d");
    assertThat(df.withColumn("w", col("v").multiply(2)).columns()).containsExactly("k", "v", "d", "w");
  }

  @Test
  void renameDropToDf() {
    DataFrame df = AggregationTest.data();
    assertThat(df.withColumnRenamed("v", "value").columns()).containsExactly("k", "value", "d");
    assertThat(df.drop("v", "missing").columns()).containsExactly("k", "d");
    assertThat(df.drop(df.col("k")).columns()).containsExactly("v", "d");
    assertThat(df.toDF("x", "y", "z").columns()).containsExactly("x", "y", "z");
  }

  @Test
  void rowGetters_byPositionAndName() {
    DataFrame df = df("s STRING, i INT, l BIGINT, d DOUBLE, b BOOLEAN, dt DATE", r("x", 1, 2L, 3.5, true,
        LocalDate.of(2024, 2, 29)));
    Row row = df.first();
    assertThat(row.getString(0)).isEqualTo("x");
    assertThat(row.getInt(1)).isEqualTo(1);
    assertThat(row.getLong(2)).isEqualTo(2L);
    assertThat(row.getDouble(3)).isEqualTo(3.5);
    assertThat(row.getBoolean(4)).isTrue();
    assertThat(row.getDate(5)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(row.<Integer>getAs("i")).isEqualTo(1);
    assertThat(row.size()).isEqualTo(6);
    assertThat(row.schema().fieldNames()).containsExactly("s", "i", "l", "d", "b", "dt");
    assertThat(row).isEqualTo(Row.of("x", 1, 2L, 3.5, true, LocalDate.of(2024, 2, 29)));
    assertThat(row.hashCode()).isEqualTo(Row.of("x", 1, 2L, 3.5, true, LocalDate.of(2024, 2, 29)).hashCode());
  }

  @Test
  void nullValues_throwOnPrimitiveGetters_isNullAtTells() {
    Row row = df("i INT", r(new Object[] {null})).first();
    assertThat(row.isNullAt(0)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> row.getInt(0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void chainedTransformations_areLazy_untilAnAction() {
    List<Row> input = List.of(Row.of(1), Row.of(2));
    DataFrame df = session.createDataFrame(input, io.kindling.sql.types.StructType.fromDDL("n INT"))
        .withColumn("m", col("n").divide(0)).filter(col("m").isNull());
    assertThat(df.count()).isEqualTo(2);
  }
}
