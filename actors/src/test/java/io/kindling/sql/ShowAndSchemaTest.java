package io.kindling.sql;

import static io.kindling.sql.functions.avg;
import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.collect_list;
import static io.kindling.sql.functions.count;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.min;
import static io.kindling.sql.functions.stddev;
import static io.kindling.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** show() and printSchema() text, compared with what Spark 3.5.3 prints for the same data. */
class ShowAndSchemaTest extends SqlTestSession {

  static DataFrame people() {
    StructType schema = StructType.fromDDL(
        "name STRING, age INT, score DOUBLE, big BIGINT, ok BOOLEAN, d DATE, t TIMESTAMP");
    return session.createDataFrame(List.of(
        Row.of("alice", 30, 1.5, 10000000000L, true, LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 5, 29, 7, 33, 4)),
        Row.of("a very long name that exceeds twenty", null, null, null, null, null, null),
        Row.of(null, -5, 1e10, -1L, false, LocalDate.of(1999, 12, 31),
            LocalDateTime.of(2024, 5, 29, 7, 33, 4, 500_000_000)),
        Row.of("bob", 7, 0.1 + 0.2, 3L, true, null, null)), schema);
  }

  @Test
  void show_default_truncatesAndRightAligns() {
    assertThat(people().showString(20, 20)).isEqualTo(String.join("\n",
        "+--------------------+----+-------------------+-----------+-----+----------+--------------------+",
        "|                name| age|              score|        big|   ok|         d|                   t|",
        "+--------------------+----+-------------------+-----------+-----+----------+--------------------+",
        "|               alice|  30|                1.5|10000000000| true|2024-01-02| 2024-05-29 07:33:04|",
        "|a very long name ...|NULL|               NULL|       NULL| NULL|      NULL|                NULL|",
        "|                NULL|  -5|             1.0E10|         -1|false|1999-12-31|2024-05-29 07:33:...|",
        "|                 bob|   7|0.30000000000000004|          3| true|      NULL|                NULL|",
        "+--------------------+----+-------------------+-----------+-----+----------+--------------------+",
        ""));
  }

  @Test
  void show_twoRows_printsOnlyShowingTop() {
    assertThat(people().showString(2, 20)).isEqualTo(String.join("\n",
        "+--------------------+----+-----+-----------+----+----------+-------------------+",
        "|                name| age|score|        big|  ok|         d|                  t|",
        "+--------------------+----+-----+-----------+----+----------+-------------------+",
        "|               alice|  30|  1.5|10000000000|true|2024-01-02|2024-05-29 07:33:04|",
        "|a very long name ...|NULL| NULL|       NULL|NULL|      NULL|               NULL|",
        "+--------------------+----+-----+-----------+----+----------+-------------------+",
        "only showing top 2 rows",
        ""));
  }

  @Test
  void show_withoutTruncate_leftAligns() {
    assertThat(people().showString(20, 0)).isEqualTo(String.join("\n",
        "+------------------------------------+----+-------------------+-----------+-----+----------+---------------------+",
        "|name                                |age |score              |big        |ok   |d         |t                    |",
        "+------------------------------------+----+-------------------+-----------+-----+----------+---------------------+",
        "|alice                               |30  |1.5                |10000000000|true |2024-01-02|2024-05-29 07:33:04  |",
        "|a very long name that exceeds twenty|NULL|NULL               |NULL       |NULL |NULL      |NULL                 |",
        "|NULL                                |-5  |1.0E10             |-1         |false|1999-12-31|2024-05-29 07:33:04.5|",
        "|bob                                 |7   |0.30000000000000004|3          |true |NULL      |NULL                 |",
        "+------------------------------------+----+-------------------+-----------+-----+----------+---------------------+",
        ""));
  }

  @Test
  void show_zeroRowsAndEmpty_printHeaderOnly() {
    assertThat(people().showString(0, 20)).isEqualTo(String.join("\n",
        "+----+---+-----+---+---+---+---+",
        "|name|age|score|big| ok|  d|  t|",
        "+----+---+-----+---+---+---+---+",
        "+----+---+-----+---+---+---+---+",
        "only showing top 0 rows",
        ""));
    assertThat(people().limit(0).showString(20, 20)).isEqualTo(String.join("\n",
        "+----+---+-----+---+---+---+---+",
        "|name|age|score|big| ok|  d|  t|",
        "+----+---+-----+---+---+---+---+",
        "+----+---+-----+---+---+---+---+",
        ""));
  }

  @Test
  void show_rangeToDf_matchesSpark() {
    assertThat(session.range(5).toDF("number").showString(3, 20)).isEqualTo(String.join("\n",
        "+------+",
        "|number|",
        "+------+",
        "|     0|",
        "|     1|",
        "|     2|",
        "+------+",
        "only showing top 3 rows",
        ""));
    assertThat(session.range(0, 10, 3, 2).toDF("number").collectAsList().toString()).isEqualTo("[[0], [3], [6], [9]]");
  }

  @Test
  void show_smallTruncate_headerKeptCellsCut() {
    DataFrame df = session.range(2).select(
        lit("a very long string value that is longer than twenty chars").as("longcolumnname_that_is_long"));
    assertThat(df.showString(1, 5)).isEqualTo(String.join("\n",
        "+---------------------------+",
        "|longcolumnname_that_is_long|",
        "+---------------------------+",
        "|                      a ...|",
        "+---------------------------+",
        "only showing top 1 row",
        ""));
  }

  @Test
  void show_tabInName_escaped() {
    assertThat(session.range(1).select(lit("x").as("a\tb")).showString(20, 20)).isEqualTo(String.join("\n",
        "+----+", "|a\\tb|", "+----+", "|   x|", "+----+", ""));
  }

  @Test
  void show_arraysWithNulls_likeSpark() {
    StructType schema = new StructType().add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("s", "string");
    DataFrame df = session.createDataFrame(List.of(Row.of(Arrays.asList(1, null, 3), "x")), schema);
    assertThat(df.showString(20, 20)).isEqualTo(String.join("\n",
        "+------------+---+", "|         arr|  s|", "+------------+---+", "|[1, NULL, 3]|  x|", "+------------+---+",
        ""));
  }

  @Test
  void show_aggregatesOfEmptyInput_likeSpark() {
    DataFrame empty = people().filter(col("age").gt(100));
    assertThat(empty.agg(sum("age"), avg("score"), count("*"), stddev("score"), collect_list("name"), min("name"))
        .showString(20, 20)).isEqualTo(String.join("\n",
        "+--------+----------+--------+-------------+------------------+---------+",
        "|sum(age)|avg(score)|count(1)|stddev(score)|collect_list(name)|min(name)|",
        "+--------+----------+--------+-------------+------------------+---------+",
        "|    NULL|      NULL|       0|         NULL|                []|     NULL|",
        "+--------+----------+--------+-------------+------------------+---------+",
        ""));
  }

  @Test
  void show_aggregates_likeSpark() {
    assertThat(people().agg(sum("age"), avg("score"), count("*"), stddev("score"), collect_list("name"))
        .showString(20, 0)).isEqualTo(String.join("\n",
        "+--------+-------------------+--------+-------------------+--------------------------------------------------+",
        "|sum(age)|avg(score)         |count(1)|stddev(score)      |collect_list(name)                                |",
        "+--------+-------------------+--------+-------------------+--------------------------------------------------+",
        "|32      |3.333333333933333E9|4       |5.773502691376642E9|[alice, a very long name that exceeds twenty, bob]|",
        "+--------+-------------------+--------+-------------------+--------------------------------------------------+",
        ""));
  }

  @Test
  void describe_allNumericAndStringColumns_likeSpark() {
    assertThat(people().describe().showString(20, 20)).isEqualTo(String.join("\n",
        "+-------+--------------------+------------------+-------------------+-------------------+",
        "|summary|                name|               age|              score|                big|",
        "+-------+--------------------+------------------+-------------------+-------------------+",
        "|  count|                   3|                 3|                  3|                  3|",
        "|   mean|                NULL|10.666666666666666|3.333333333933333E9|      3.333333334E9|",
        "| stddev|                NULL|  17.7857620959388|5.773502691376642E9|5.773502691318908E9|",
        "|    min|a very long name ...|                -5|0.30000000000000004|                 -1|",
        "|    max|                 bob|                30|             1.0E10|        10000000000|",
        "+-------+--------------------+------------------+-------------------+-------------------+",
        ""));
    assertThat(people().describe("age", "name").columns()).containsExactly("summary", "age", "name");
  }

  @Test
  void printSchema_treeLikeSpark() {
    assertThat(people().schema().treeString()).isEqualTo(String.join("\n",
        "root",
        " |-- name: string (nullable = true)",
        " |-- age: integer (nullable = true)",
        " |-- score: double (nullable = true)",
        " |-- big: long (nullable = true)",
        " |-- ok: boolean (nullable = true)",
        " |-- d: date (nullable = true)",
        " |-- t: timestamp (nullable = true)",
        ""));
  }

  @Test
  void printSchema_groupedCountAndAverages_likeSpark() {
    assertThat(people().groupBy("name").count().schema().treeString()).isEqualTo(String.join("\n",
        "root", " |-- name: string (nullable = true)", " |-- count: long (nullable = false)", ""));
    assertThat(people().groupBy("ok").avg().columns())
        .containsExactly("ok", "avg(age)", "avg(score)", "avg(big)");
    assertThat(people().groupBy("ok").max().schema().treeString()).isEqualTo(String.join("\n",
        "root", " |-- ok: boolean (nullable = true)", " |-- max(age): integer (nullable = true)",
        " |-- max(score): double (nullable = true)", " |-- max(big): long (nullable = true)", ""));
    assertThat(people().groupBy("ok").sum("age", "score").schema().treeString()).isEqualTo(String.join("\n",
        "root", " |-- ok: boolean (nullable = true)", " |-- sum(age): long (nullable = true)",
        " |-- sum(score): double (nullable = true)", ""));
  }

  @Test
  void printSchema_range_idNotNullable() {
    assertThat(session.range(3).schema().treeString())
        .isEqualTo("root\n |-- id: long (nullable = false)\n");
  }

  @Test
  void describe_stringColumnsReadAsNumbers_booleansLeftOut_likeSpark() {
    DataFrame df = df("k STRING, i INT, s STRING, b BOOLEAN",
        r("x", 1, "1", true), r("y", null, "2.5", false), r("z", 3, "abc", null), r(null, -4, null, true));
    // Spark 3.5.3's output for the same data.
    assertThat(df.describe().showString(20, 0)).isEqualTo(String.join("\n",
        "+-------+----+-----------------+------------------+",
        "|summary|k   |i                |s                 |",
        "+-------+----+-----------------+------------------+",
        "|count  |3   |3                |3                 |",
        "|mean   |NULL|0.0              |1.75              |",
        "|stddev |NULL|3.605551275463989|1.0606601717798212|",
        "|min    |x   |-4               |1                 |",
        "|max    |z   |3                |abc               |",
        "+-------+----+-----------------+------------------+",
        ""));
    assertThat(df.describe("b").columns()).containsExactly("summary");
    assertThat(df.describe("s", "b", "i").columns()).containsExactly("summary", "s", "i");
  }

  @Test
  void show_charactersOutsideTheBmp_countTwoColumns_likeSpark() {
    DataFrame df = df("s STRING", r("\u00e9\ud83d\ude00x"), r("SS STRASSE"));
    // Spark 3.5.3's output: the emoji is two UTF-16 chars wide.
    assertThat(df.showString(20, 0)).isEqualTo(String.join("\n",
        "+----------+",
        "|s         |",
        "+----------+",
        "|\u00e9\ud83d\ude00x      |",
        "|SS STRASSE|",
        "+----------+",
        ""));
  }

  @Test
  void show_timestampsBeyondYear9999_signedLikeSpark() {
    DataFrame df = df("d DOUBLE", r(1e15), r(-1e14), r(2.6e11)).select(col("d").cast("timestamp"),
        col("d").cast("timestamp").cast("string"));
    // Spark 3.5.3's output for the same casts.
    assertThat(df.showString(20, 0)).isEqualTo(String.join("\n",
        "+-----------------------------+-----------------------------+",
        "|d                            |d                            |",
        "+-----------------------------+-----------------------------+",
        "|+294247-01-10 04:00:54.775807|+294247-01-10 04:00:54.775807|",
        "|-290308-12-21 19:59:05.224192|-290308-12-21 19:59:05.224192|",
        "|+10209-01-27 06:13:20        |+10209-01-27 06:13:20        |",
        "+-----------------------------+-----------------------------+",
        ""));
  }

  @Test
  void show_noColumns_likeSpark() {
    // Spark 3.5.3's output for a select of no columns over two rows.
    assertThat(df("a INT", r(1), r(2)).select(new Column[0]).showString(20, 20))
        .isEqualTo("++\n||\n++\n||\n||\n++\n");
  }

  @Test
  void printSchema_controlCharactersInNames_escapedLikeSpark() {
    DataFrame df = df("k STRING", r("a")).select(col("k").as("new\nline"), col("k").as("tab\there"));
    // Spark 3.5.3's tree for the same names.
    assertThat(df.schema().treeString()).isEqualTo(String.join("\n",
        "root",
        " |-- new\\nline: string (nullable = true)",
        " |-- tab\\there: string (nullable = true)",
        ""));
  }
}
