package io.kindling.sql;

import static io.kindling.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result column names, types and nullability, as Spark 3.5.3 gives them for the same expressions. */
class ColumnNamingTest extends SqlTestSession {

  static DataFrame people() {
    return ShowAndSchemaTest.people();
  }

  private static String describe(DataFrame df) {
    StructField f = df.schema().get(0);
    return f.name() + "|" + f.dataType() + "|" + f.nullable();
  }

  @Test
  void expressions_namedTypedAndNullableAsSpark() {
    Map<Column, String> expected = new LinkedHashMap<>();
    expected.put(col("age").plus(col("score")), "(age + score)|DoubleType|true");
    expected.put(col("age").multiply(2), "(age * 2)|IntegerType|true");
    expected.put(col("age").divide(2), "(age / 2)|DoubleType|true");
    expected.put(col("age").mod(3), "(age % 3)|IntegerType|true");
    expected.put(col("age").gt(1), "(age > 1)|BooleanType|true");
    expected.put(col("age").equalTo(1), "(age = 1)|BooleanType|true");
    expected.put(col("age").notEqual(1), "(NOT (age = 1))|BooleanType|true");
    expected.put(col("age").geq(1), "(age >= 1)|BooleanType|true");
    expected.put(col("age").lt(1), "(age < 1)|BooleanType|true");
    expected.put(col("age").leq(1), "(age <= 1)|BooleanType|true");
    expected.put(col("ok").and(col("ok")), "(ok AND ok)|BooleanType|true");
    expected.put(col("ok").or(col("ok")), "(ok OR ok)|BooleanType|true");
    expected.put(not(col("ok")), "(NOT ok)|BooleanType|true");
    expected.put(col("age").isNull(), "(age IS NULL)|BooleanType|false");
    expected.put(col("age").isNotNull(), "(age IS NOT NULL)|BooleanType|false");
    expected.put(col("age").isin(1, 2, 3), "(age IN (1, 2, 3))|BooleanType|true");
    expected.put(col("name").like("%a%"), "name LIKE %a%|BooleanType|true");
    expected.put(col("name").contains("a"), "contains(name, a)|BooleanType|true");
    expected.put(col("name").startsWith("a"), "startswith(name, a)|BooleanType|true");
    expected.put(col("age").between(1, 10), "((age >= 1) AND (age <= 10))|BooleanType|true");
    expected.put(col("age").cast("string"), "age|StringType|true");
    expected.put(col("age").cast(DataTypes.LongType), "age|LongType|true");
    expected.put(col("age").cast("double"), "age|DoubleType|true");
    expected.put(when(col("age").gt(10), "old").when(col("age").gt(5), "mid").otherwise("young"),
        "CASE WHEN (age > 10) THEN old WHEN (age > 5) THEN mid ELSE young END|StringType|false");
    expected.put(when(col("age").gt(10), 1), "CASE WHEN (age > 10) THEN 1 END|IntegerType|true");
    expected.put(lit(1), "1|IntegerType|false");
    expected.put(lit("x"), "x|StringType|false");
    expected.put(lit(1.5), "1.5|DoubleType|false");
    expected.put(lit(true), "true|BooleanType|false");
    expected.put(lit(null), "NULL|NullType|true");
    expected.put(lit(10000000000L), "10000000000|LongType|false");
    expected.put(round(col("score"), 2), "round(score, 2)|DoubleType|true");
    expected.put(round(col("score")), "round(score, 0)|DoubleType|true");
    expected.put(abs(col("age")), "abs(age)|IntegerType|true");
    expected.put(sqrt(col("score")), "SQRT(score)|DoubleType|true");
    expected.put(log(col("score")), "ln(score)|DoubleType|true");
    expected.put(exp(col("score")), "EXP(score)|DoubleType|true");
    expected.put(pow(col("score"), 2), "POWER(score, 2.0)|DoubleType|true");
    expected.put(upper(col("name")), "upper(name)|StringType|true");
    expected.put(lower(col("name")), "lower(name)|StringType|true");
    expected.put(trim(col("name")), "trim(name)|StringType|true");
    expected.put(length(col("name")), "length(name)|IntegerType|true");
    expected.put(concat(col("name"), col("name")), "concat(name, name)|StringType|true");
    expected.put(concat_ws(",", col("name"), col("name")), "concat_ws(,, name, name)|StringType|false");
    expected.put(split(col("name"), " "), "split(name,  , -1)|ArrayType(StringType,false)|true");
    expected.put(substring(col("name"), 1, 2), "substring(name, 1, 2)|StringType|true");
    expected.put(regexp_replace(col("name"), "a", "b"), "regexp_replace(name, a, b, 1)|StringType|true");
    expected.put(coalesce(col("age"), lit(0)), "coalesce(age, 0)|IntegerType|false");
    expected.put(year(col("d")), "year(d)|IntegerType|true");
    expected.put(month(col("d")), "month(d)|IntegerType|true");
    expected.put(dayofmonth(col("d")), "dayofmonth(d)|IntegerType|true");
    expected.put(hour(col("t")), "hour(t)|IntegerType|true");
    expected.put(to_date(col("name")), "to_date(name)|DateType|true");
    expected.put(to_timestamp(col("name")), "to_timestamp(name)|TimestampType|true");
    expected.put(date_format(col("t"), "yyyy-MM"), "date_format(t, yyyy-MM)|StringType|true");
    expected.put(to_date(col("name"), "yyyy-MM-dd"), "to_date(name, yyyy-MM-dd)|DateType|true");
    expected.put(to_timestamp(col("name"), "yyyy"), "to_timestamp(name, yyyy)|TimestampType|true");
    expected.put(monotonically_increasing_id(), "monotonically_increasing_id()|LongType|false");
    expected.put(rand(42), "rand(42)|DoubleType|false");
    expected.put(col("age").alias("x"), "x|IntegerType|true");
    expected.put(col("age").as("y"), "y|IntegerType|true");
    expected.put(col("age").minus(1), "(age - 1)|IntegerType|true");
    expected.put(negate(col("age")), "(- age)|IntegerType|true");
    expected.put(col("age").plus(col("big")), "(age + big)|LongType|true");
    expected.put(col("age").plus(1.5), "(age + 1.5)|DoubleType|true");
    expected.put(col("name").plus(1), "(name + 1)|DoubleType|true");
    expected.put(col("age").equalTo("7"), "(age = 7)|BooleanType|true");
    expected.put(col("name").equalTo(1), "(name = 1)|BooleanType|true");
    DataFrame df = people();
    for (Map.Entry<Column, String> e : expected.entrySet()) {
      assertThat(describe(df.select(e.getKey()))).as(e.getKey().toString()).isEqualTo(e.getValue());
    }
  }

  @Test
  void aggregates_namedTypedAndNullableAsSpark() {
    Map<Column, String> expected = new LinkedHashMap<>();
    expected.put(sum("age"), "sum(age)|LongType|true");
    expected.put(sum("score"), "sum(score)|DoubleType|true");
    expected.put(avg("age"), "avg(age)|DoubleType|true");
    expected.put(mean("age"), "avg(age)|DoubleType|true");
    expected.put(count("age"), "count(age)|LongType|false");
    expected.put(count(lit(1)), "count(1)|LongType|false");
    expected.put(count("*"), "count(1)|LongType|false");
    expected.put(countDistinct(col("age")), "count(DISTINCT age)|LongType|false");
    expected.put(countDistinct(col("age"), col("name")), "count(DISTINCT age, name)|LongType|false");
    expected.put(min("age"), "min(age)|IntegerType|true");
    expected.put(max("name"), "max(name)|StringType|true");
    expected.put(first("age"), "first(age)|IntegerType|true");
    expected.put(last("age"), "last(age)|IntegerType|true");
    expected.put(stddev("score"), "stddev(score)|DoubleType|true");
    expected.put(variance("score"), "var_samp(score)|DoubleType|true");
    expected.put(collect_list("age"), "collect_list(age)|ArrayType(IntegerType,false)|false");
    expected.put(collect_set("age"), "collect_set(age)|ArrayType(IntegerType,false)|false");
    expected.put(sum(col("age").multiply(col("score"))), "sum((age * score))|DoubleType|true");
    DataFrame df = people();
    for (Map.Entry<Column, String> e : expected.entrySet()) {
      assertThat(describe(df.agg(e.getKey()))).as(e.getKey().toString()).isEqualTo(e.getValue());
    }
  }

  @Test
  void groupByExpression_namedAsSpark() {
    DataFrame df = people();
    assertThat(df.groupBy(col("age").mod(2)).count().columns()).containsExactly("(age % 2)", "count");
    assertThat(df.groupBy(col("age").mod(2).as("m")).agg(sum("score")).columns()).containsExactly("m", "sum(score)");
    assertThat(df.select(col("age").divide(2).as("h"), when(col("age").gt(2), "big")).columns())
        .containsExactly("h", "CASE WHEN (age > 2) THEN big END");
  }

  @Test
  void castsOfAColumn_keepItsName_castsOfOtherExpressions_areSpelledOut() {
    // Spark 3.5.3's names for the same select.
    DataFrame df = people().select(col("score").cast("float").cast("string"), col("age").alias("a").cast("long"),
        col("age").plus(col("big")).cast("int"), col("age").plus(col("big")).cast("string").cast("int"));
    assertThat(df.columns()).containsExactly("score", "a", "CAST((age + big) AS INT)",
        "CAST(CAST((age + big) AS STRING) AS INT)");
  }

  @Test
  void mathFunctions_namedAndAlwaysNullableAsSpark() {
    // Spark 3.5.3: the one-argument math functions and round are nullable even over a non-null column.
    DataFrame df = session.range(3).select(log10(col("id")), sqrt(col("id")), exp(col("id")), log(col("id")),
        round(col("id"), 1), round(lit(2.345), 2), pow(col("id"), 2), abs(col("id")));
    assertThat(df.schema().treeString()).isEqualTo(String.join("\n",
        "root",
        " |-- LOG10(id): double (nullable = true)",
        " |-- SQRT(id): double (nullable = true)",
        " |-- EXP(id): double (nullable = true)",
        " |-- ln(id): double (nullable = true)",
        " |-- round(id, 1): long (nullable = true)",
        " |-- round(2.345, 2): double (nullable = true)",
        " |-- POWER(id, 2.0): double (nullable = false)",
        " |-- abs(id): long (nullable = false)",
        ""));
  }

  @Test
  void castsThatMayGiveNull_areNullable_likeSpark() {
    // Spark 3.5.3 declares a non-null fraction cast to an integer (NaN, infinities) nullable, and a date cast to a
    // number or boolean (always null); other casts of non-null values stay non-null.
    DataFrame df = session.range(1).select(lit(1.5).cast("int"), lit(1.5f).cast("bigint"), lit(1.5).cast("smallint"),
        lit(1.5).cast("double"), col("id").cast("int"), lit(true).cast("int"), lit(1.5).cast("string"));
    assertThat(df.schema().fields()).extracting(StructField::nullable)
        .containsExactly(true, true, true, false, false, false, false);
    DataFrame filled = df("i INT, l BIGINT, d DOUBLE", r(null, null, null));
    // Spark 3.5.3: na.fill(1.5) leaves integral columns nullable, na.fill(0) does not.
    assertThat(filled.na().fill(1.5).schema().fields()).extracting(StructField::nullable)
        .containsExactly(true, true, false);
    assertThat(filled.na().fill(0).schema().fields()).extracting(StructField::nullable)
        .containsExactly(false, false, false);
  }

  @Test
  void columnNameOverloads_nameAsSpark() {
    DataFrame df = df("age INT, score DOUBLE", r(1, 2.0), r(3, 4.5));
    // Spark 3.5.3's names and values for the same calls.
    DataFrame aggs = df.agg(sumDistinct("age"), stddev_samp("score"), stddev_pop("score"), var_samp("score"),
        var_pop("score"));
    assertThat(aggs.columns()).containsExactly("sum(DISTINCT age)", "stddev_samp(score)", "stddev_pop(score)",
        "var_samp(score)", "var_pop(score)");
    assertThat(rows(aggs)).isEqualTo("[[4,1.7677669529663689,1.25,3.125,1.5625]]");
    assertThat(df.select(log10("score"), log(2.0, "score"), pow("age", col("score")), pow(col("age"), "score"),
        pow(2.0, "score")).columns()).containsExactly("LOG10(score)", "LOG(2.0, score)", "POWER(age, score)",
        "POWER(age, score)", "POWER(2.0, score)");
  }

  @Test
  void dateAndBinaryLiterals_namedAsSpark() {
    java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 2);
    // Spark 3.5.3's names for the same literals.
    assertThat(session.range(1).select(lit(day), lit(new byte[] {1, 2}), lit(day).plus(1), concat(lit("a"), lit(day)))
        .columns()).containsExactly("DATE '2024-01-02'", "X'0102'", "date_add(DATE '2024-01-02', 1)",
        "concat(a, DATE '2024-01-02')");
  }

  @Test
  void columnToString_isSparkText() {
    assertThat(col("quantity").multiply(col("price")).toString()).isEqualTo("(quantity * price)");
    assertThat(sum("total_sales").toString()).isEqualTo("sum(total_sales)");
  }
}
