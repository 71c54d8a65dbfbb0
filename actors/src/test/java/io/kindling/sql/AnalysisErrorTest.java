package io.kindling.sql;

import static io.kindling.sql.functions.abs;
import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.coalesce;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.negate;
import static io.kindling.sql.functions.round;
import static io.kindling.sql.functions.stddev;
import static io.kindling.sql.functions.sum;
import static io.kindling.sql.functions.upper;
import static io.kindling.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown columns and type mismatches fail when the DataFrame is built, with Spark's error classes. */
class AnalysisErrorTest extends SqlTestSession {

  static DataFrame sales() {
    return df("order_id BIGINT, price DOUBLE, quantity INT, region STRING, ok BOOLEAN, d DATE",
        r(1L, 2.5, 3, "EU", true, null));
  }

  @Test
  void select_unknownColumn_namesItAndListsAvailableClosestFirst() {
    // Spark 3.5.3's message: the five closest columns, ties in name order.
    assertThatThrownBy(() -> sales().select(col("prce")))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `prce` cannot be "
            + "resolved. Did you mean one of the following? [`price`, `d`, `ok`, `region`, `order_id`].");
  }

  @Test
  void unknownColumn_suggestionsRankedAsSpark() {
    DataFrame df = df("zeta INT, Alpha INT, beta INT, prce INT, Delta INT, c1 INT, c2 INT, c3 INT, c4 INT, c5 INT",
        r(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    // Spark 3.5.3's suggestions for the same names.
    assertThatThrownBy(() -> df.select(col("alpha_"))).hasMessageEndingWith(
        "Did you mean one of the following? [`Alpha`, `beta`, `zeta`, `Delta`, `c1`].");
    assertThatThrownBy(() -> df.select(col("x"))).hasMessageEndingWith(
        "Did you mean one of the following? [`c1`, `c2`, `c3`, `c4`, `c5`].");
    assertThatThrownBy(() -> df("b INT, a INT", r(1, 2)).select(col("x"))).hasMessageEndingWith(
        "Did you mean one of the following? [`a`, `b`].");
  }

  @Test
  void unknownColumn_everyOperation_fails() {
    DataFrame df = sales();
    for (Runnable op : List.<Runnable>of(
        () -> df.select("nope"),
        () -> df.filter(col("nope").gt(1)),
        () -> df.withColumn("x", col("nope")),
        () -> df.groupBy("nope"),
        () -> df.groupBy("region").agg(sum("nope")),
        () -> df.groupBy("region").sum("nope"),
        () -> df.orderBy("nope"),
        () -> df.col("nope"),
        () -> df.dropDuplicates("nope"),
        () -> df.join(df, "nope"),
        () -> df.describe("nope"),
        () -> df.na().fill(0, new String[] {"nope"}),
        () -> df.write().partitionBy("nope"))) {
      assertThatThrownBy(op::run).isInstanceOf(AnalysisException.class).hasMessageContaining("nope");
    }
  }

  @Test
  void columnNames_resolveCaseInsensitively() {
    assertThat(sales().select(col("PRICE")).columns()).containsExactly("price");
    assertThat(sales().select("Region").collectAsList().get(0).getString(0)).isEqualTo("EU");
  }

  @Test
  void ambiguousName_fails() {
    DataFrame twice = sales().select(col("price"), col("quantity").as("PRICE"));
    assertThatThrownBy(() -> twice.select("price")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[AMBIGUOUS_REFERENCE] Reference `price` is ambiguous");
  }

  @Test
  void filter_nonBoolean_failsLikeSpark() {
    assertThatThrownBy(() -> sales().filter(col("quantity"))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"quantity\" due to data type mismatch: "
            + "Filter expression \"quantity\" of type \"INT\" is not a boolean.");
  }

  @Test
  void arithmetic_booleanAndInt_failsLikeSpark() {
    assertThatThrownBy(() -> sales().select(col("ok").plus(1))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(ok + 1)\" due to data type "
            + "mismatch: the left and right operands of the binary operator have incompatible types (\"BOOLEAN\" and "
            + "\"INT\").");
  }

  @Test
  void typeMismatches_fail() {
    DataFrame df = sales();
    assertThatThrownBy(() -> df.select(col("ok").plus(col("ok")))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("BINARY_OP_WRONG_TYPE");
    assertThatThrownBy(() -> df.select(col("d").gt(col("ok")))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("BINARY_OP_DIFF_TYPES");
    assertThatThrownBy(() -> df.select(col("ok").cast("date"))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("cannot cast \"BOOLEAN\" to \"DATE\"");
    assertThatThrownBy(() -> df.select(col("quantity").and(col("ok")))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("requires the \"BOOLEAN\" type");
    assertThatThrownBy(() -> df.agg(sum("ok"))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("requires the \"NUMERIC\" or \"ANSI INTERVAL\" type");
    assertThatThrownBy(() -> df.select(when(col("ok"), 1).otherwise(col("ok")))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("DATA_DIFF_TYPES");
    assertThatThrownBy(() -> df.select(when(col("quantity"), 1))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("of a WHEN must be of the \"BOOLEAN\" type");
    assertThat(df.select(upper(col("quantity"))).collectAsList().get(0).getString(0)).isEqualTo("3");
  }

  @Test
  void groupedSum_nonNumeric_failsLikeSpark() {
    assertThatThrownBy(() -> sales().groupBy("quantity").sum("region")).isInstanceOf(AnalysisException.class)
        .hasMessage("\"region\" is not a numeric column. Aggregation function can only be applied on a numeric "
            + "column.");
  }

  @Test
  void aggregates_outsideAgg_andNested_fail() {
    assertThatThrownBy(() -> sales().select(sum("price"))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("Aggregate functions are not allowed in select()");
    assertThatThrownBy(() -> sales().filter(sum("price").gt(1))).isInstanceOf(AnalysisException.class);
    assertThatThrownBy(() -> sales().agg(sum(sum("price")))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("NESTED_AGGREGATE_FUNCTION");
    assertThatThrownBy(() -> sales().groupBy("region").agg(sum("price").plus(col("quantity"))))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[MISSING_AGGREGATION] The non-aggregating expression \"quantity\"");
  }

  @Test
  void union_columnCountMismatch_failsLikeSpark() {
    assertThatThrownBy(() -> sales().union(sales().select("price"))).isInstanceOf(AnalysisException.class)
        .hasMessage("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, "
            + "but the first input has 6 columns and the second input has 1 columns.");
    assertThatThrownBy(() -> sales().select("ok").union(sales().select("d")))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("INCOMPATIBLE_COLUMN_TYPE");
  }

  @Test
  void join_unknownUsingColumn_andBadType_fail() {
    assertThatThrownBy(() -> sales().join(sales(), List.of("x"), "inner")).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("USING column `x` cannot be resolved on the left side of the join");
    assertThatThrownBy(() -> sales().join(sales(), List.of("price"), "sideways"))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("Unsupported join type 'sideways'");
  }

  @Test
  void columnOfAnotherDataFrame_fails() {
    DataFrame a = sales();
    DataFrame b = sales();
    assertThatThrownBy(() -> a.select(b.col("price"))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("belongs to another DataFrame");
  }

  @Test
  void withColumnRenamedAndDrop_unknownColumn_areNoOps() {
    assertThat(sales().withColumnRenamed("zz", "y").columns()).hasSize(6);
    assertThat(sales().drop("zz").columns()).hasSize(6);
  }

  @Test
  void when_misuse_failsLikeSpark() {
    assertThatThrownBy(() -> col("a").when(col("b"), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("when() can only be applied on a Column previously generated by when() function");
    assertThatThrownBy(() -> when(col("a"), 1).otherwise(2).otherwise(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("otherwise() can only be applied once on a Column previously generated by when()");
    assertThatThrownBy(() -> lit(1).otherwise(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toDF_wrongCount_fails() {
    assertThatThrownBy(() -> sales().toDF("a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The number of columns doesn't match");
  }

  @Test
  void booleanMeetsString_noCommonType_failsLikeSpark() {
    DataFrame df = sales();
    // Spark 3.5.3's messages: a boolean is not promoted to a string in IN, COALESCE or CASE WHEN.
    assertThatThrownBy(() -> df.select(col("ok").isin("true"))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"(ok IN (true))\" due to data type "
            + "mismatch: Input to `in` should all be the same type, but it's [\"BOOLEAN\", \"STRING\"].");
    assertThatThrownBy(() -> df.select(coalesce(col("ok"), lit("x")))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"coalesce(ok, x)\" due to data type "
            + "mismatch: Input to `coalesce` should all be the same type, but it's (\"BOOLEAN\" or \"STRING\").");
    assertThatThrownBy(() -> df.select(when(col("ok"), "x").otherwise(false))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"CASE WHEN ok THEN x ELSE false END\" due "
            + "to data type mismatch: Input to `casewhen` should all be the same type, but it's [\"STRING\", "
            + "\"BOOLEAN\"].");
  }

  @Test
  void unknownName_lookedUpAsDfCol_listsEveryColumnInOrder_likeSpark() {
    DataFrame df = df("zeta INT, Alpha INT, beta INT, prce INT, Delta INT, c1 INT, c2 INT", r(1, 2, 3, 4, 5, 6, 7));
    // Spark 3.5.3 resolves these names as Dataset.resolve does: every column, in order, not the five closest.
    String all = "A column or function parameter with name `nope` cannot be resolved. Did you mean one of the "
        + "following? [`zeta`, `Alpha`, `beta`, `prce`, `Delta`, `c1`, `c2`].";
    for (Runnable op : List.<Runnable>of(
        () -> df.groupBy("nope"),
        () -> df.col("nope"),
        () -> df.groupBy("zeta").sum("nope"),
        () -> df.na().fill(1, new String[] {"nope"}),
        () -> df.na().drop(new String[] {"nope"}))) {
      assertThatThrownBy(op::run).isInstanceOf(AnalysisException.class)
          .hasMessage("[UNRESOLVED_COLUMN.WITH_SUGGESTION] " + all);
    }
    assertThatThrownBy(() -> df.select(col("nope"))).hasMessageEndingWith(
        "Did you mean one of the following? [`c1`, `c2`, `prce`, `Alpha`, `beta`].");
    assertThatThrownBy(() -> df.dropDuplicates("nope")).isInstanceOf(AnalysisException.class)
        .hasMessage("Cannot resolve column name \"nope\" among (zeta, Alpha, beta, prce, Delta, c1, c2).");
  }

  @Test
  void castToUnknownTypeName_failsWithSparksErrorClass() {
    // Spark 3.5.3 throws a ParseException (an AnalysisException): [UNSUPPORTED_DATATYPE] Unsupported data type
    // "FOO". for an unknown word, [PARSE_SYNTAX_ERROR] for text that is no type.
    assertThatThrownBy(() -> col("a").cast("foo")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\".");
    assertThatThrownBy(() -> col("a").cast("bool")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[UNSUPPORTED_DATATYPE] Unsupported data type \"BOOL\".");
    assertThatThrownBy(() -> col("a").cast("array<int")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
    assertThatThrownBy(() -> col("a").cast("")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
  }

  @Test
  void datePlusNonIntegerDays_failsAsSparksDateAdd() {
    DataFrame df = df("d DATE, l BIGINT", r(null, 1L));
    // Spark 3.5.3's messages.
    assertThatThrownBy(() -> df.select(col("d").plus(col("l")))).isInstanceOf(AnalysisException.class)
        .hasMessage("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"date_add(d, l)\" due to data type "
            + "mismatch: Parameter 2 requires the (\"INT\" or \"SMALLINT\" or \"TINYINT\") type, however \"l\" has "
            + "the type \"BIGINT\".");
    assertThatThrownBy(() -> df.select(col("d").plus("2"))).isInstanceOf(AnalysisException.class)
        .hasMessageEndingWith("however \"2\" has the type \"DOUBLE\".");
    assertThatThrownBy(() -> df.select(col("d").multiply(2))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("BINARY_OP_DIFF_TYPES");
  }

  @Test
  void nonNumericArguments_failNamingSparksAcceptedTypes() {
    DataFrame df = sales();
    // Spark 3.5.3 lists what each function accepts.
    assertThatThrownBy(() -> df.agg(avg("ok"))).hasMessage("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot "
        + "resolve \"avg(ok)\" due to data type mismatch: Parameter 1 requires the \"NUMERIC\" or \"ANSI INTERVAL\" "
        + "type, however \"ok\" has the type \"BOOLEAN\".");
    assertThatThrownBy(() -> df.agg(stddev("ok"))).hasMessageContaining("requires the \"DOUBLE\" type");
    assertThatThrownBy(() -> df.select(abs(col("ok")))).hasMessageContaining("requires the (\"NUMERIC\" or "
        + "\"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\") type");
    assertThatThrownBy(() -> df.select(round(col("ok"), 1))).hasMessageContaining("requires the \"NUMERIC\" type");
    assertThatThrownBy(() -> df.select(negate(col("ok")))).hasMessageContaining("requires the (\"NUMERIC\" or "
        + "\"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\") type");
  }
}
