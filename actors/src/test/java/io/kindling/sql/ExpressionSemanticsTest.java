package io.kindling.sql;

import static io.kindling.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.sql.types.DataTypes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Values of expressions, each expected row copied from Spark 3.5.3 evaluating the same expressions. */
class ExpressionSemanticsTest extends SqlTestSession {

  private static String eval(Column... cols) {
    return rows(session.range(1).select(cols));
  }

  @Test
  void casts_likeSpark() {
    assertThat(eval(lit("1.5").cast("int"), lit(" 12 ").cast("int"), lit("1e3").cast("int"), lit("abc").cast("int"),
        lit(1e20).cast("int"), lit(Double.NaN).cast("int"), lit(3000000000L).cast("int"), lit("2024-1-5").cast("date"),
        lit("2024-01-05 10:00").cast("date"), lit("2024-01-05 10:00").cast("timestamp"),
        lit("2024-01-05T10:00:01.5").cast("timestamp"), lit(" true ").cast("boolean"), lit("yes").cast("boolean"),
        lit("x").cast("boolean"), lit(1.9).cast("long"), lit(-1.9).cast("int"), lit("1.5").cast("double"),
        lit("inf").cast("double"), lit(true).cast("int"), lit(0).cast("boolean")))
        .isEqualTo("[[1,12,null,null,2147483647,0,-1294967296,2024-01-05,2024-01-05,2024-01-05T10:00,"
            + "2024-01-05T10:00:01.500,true,true,null,1,-1,1.5,Infinity,1,false]]");
  }

  @Test
  void datetimeFunctions_likeSpark() {
    List<Row> r = session.range(1).select(to_date(lit("05/01/2024"), "dd/MM/yyyy"),
        date_format(lit("2024-05-29 07:33:04").cast("timestamp"), "yyyy-MM HH"), year(lit("2024-05-29")),
        month(lit("2024-05-29")), dayofmonth(lit("2024-05-29")), hour(lit("2024-05-29 07:33:04")),
        to_date(lit("bad")), to_timestamp(lit("2024-05-29T07:33:04"))).collectAsList();
    assertThat(r.get(0).toString()).isEqualTo("[2024-01-05,2024-05 07,2024,5,29,7,null,2024-05-29T07:33:04]");
  }

  @Test
  void round_halfUpOnDecimalText_likeSpark() {
    assertThat(eval(round(lit(2.5)), round(lit(-2.5)), round(lit(0.125), 2), round(lit(1.005), 2),
        round(lit(15), -1), round(lit(2.675), 2), round(lit(5).cast("int"))))
        .isEqualTo("[[3.0,-3.0,0.13,1.01,20,2.68,5]]");
  }

  @Test
  void stringFunctions_likeSpark() {
    assertThat(eval(substring(lit("hello"), 0, 2), substring(lit("hello"), -3, 2), substring(lit("hello"), 2, 100),
        substring(lit("hello"), 10, 2), split(lit("a,b,,c,,"), ","), split(lit("a.b"), "\\."),
        concat(lit("a"), lit(null).cast("string")), concat_ws("-", lit("a"), lit(null).cast("string"), lit("b")),
        length(lit("héllo")), upper(lit("straße")), trim(lit("\t a \t")), trim(lit("  a  ")),
        regexp_replace(lit("a1b22"), "(\\d+)", "<$1>"), lit("abc").like("a_c"), lit("abc").like("a%"),
        lit("a%c").like("a\\%c"), lit("abc").contains("bc"), lit("abc").startsWith("ab")))
        .isEqualTo("[[he,ll,ello,,[a, b, , c, , ],[a, b],null,a-b,5,STRASSE,\t a \t,a,a<1>b<22>,true,true,true,true,"
            + "true]]");
  }

  @Test
  void comparisonsAndThreeValuedLogic_likeSpark() {
    assertThat(eval(lit("a").lt("b"), lit("B").lt("a"), lit("é").gt("z"), lit(Double.NaN).equalTo(lit(Double.NaN)),
        lit(Double.NaN).gt(1.0), lit(-0.0).equalTo(0.0), lit(1).equalTo(lit(null)), lit(null).isNull(),
        lit(1).eqNullSafe(lit(null)), lit(true).and(lit(null).cast("boolean")),
        lit(false).and(lit(null).cast("boolean")), lit(true).or(lit(null).cast("boolean")), lit(5).isin(1, 5, null),
        lit(6).isin(1, 5, null), lit(6).isin(1, 5), lit(5).between(1, 5)))
        .isEqualTo("[[true,true,true,true,true,true,null,true,false,null,false,true,true,null,false,true]]");
  }

  @Test
  void arithmetic_nullsDivisionByZeroOverflow_likeSpark() {
    assertThat(eval(lit(7).divide(2), lit(7).mod(-3), lit(-7).divide(0), lit(1.0).divide(0.0),
        lit(0.0).divide(0.0), lit(Long.MAX_VALUE).plus(1), lit(5).minus(lit(null)), negate(lit(5)),
        lit(3).multiply(lit(2.5)), lit("3").multiply(2), abs(lit(-3)), sqrt(lit(-1)), log(lit(0)), exp(lit(0)),
        pow(lit(2), 10), lit(5.5f).plus(lit(1))))
        .isEqualTo("[[3.5,1,null,null,null,-9223372036854775808,null,-5,7.5,6.0,3,NaN,null,1.0,1024.0,6.5]]");
    assertThat(eval(lit(Integer.MAX_VALUE).plus(lit(1)), lit(-7).mod(lit(3)), lit(-7.5).mod(lit(2)),
        lit("10").gt(lit("9")), lit("10").gt(lit(9)), lit("1.5").plus(lit(1))))
        .isEqualTo("[[-2147483648,-1,-1.5,false,true,2.5]]");
  }

  @Test
  void columnArithmetic_vectorsWithNulls_rowByRow() {
    DataFrame df = df("a INT, b INT, x DOUBLE", r(1, 2, 1.5), r(null, 3, null), r(4, 0, 0.0), r(-5, null, -2.0));
    assertThat(rows(df.select(col("a").plus(col("b")), col("a").divide(col("b")), col("a").mod(col("b")),
        col("x").multiply(col("a")), col("a").gt(col("b")), col("a").isNull(), coalesce(col("a"), col("b")))))
        .isEqualTo("[[3,0.5,1,1.5,false,false,1], [null,null,null,null,null,true,3], [4,null,null,0.0,true,false,4], "
            + "[null,null,null,10.0,null,false,-5]]");
  }

  @Test
  void monotonicallyIncreasingId_partitionInUpperBits_likeSpark() {
    assertThat(rows(session.range(0, 6, 1, 2).select(monotonically_increasing_id())))
        .isEqualTo("[[0], [1], [2], [8589934592], [8589934593], [8589934594]]");
  }

  @Test
  void rand_sameSeed_sameValuesAsSpark() {
    assertThat(rows(session.range(0, 3, 1, 1).select(rand(42))))
        .isEqualTo("[[0.619189370225301], [0.5096018842446481], [0.8325259388871524]]");
    assertThat(rows(session.range(0, 4, 1, 2).select(rand(7))))
        .isEqualTo("[[0.28188121484885875], [0.45998819035056326], [0.4836508543933039], [0.734216416644485]]");
  }

  @Test
  void whenOtherwise_firstTrueBranchWins_nullConditionIsFalse() {
    DataFrame df = df("amount DOUBLE", r(1200.0), r(700.0), r(20.0), r(new Object[] {null}));
    assertThat(rows(df.select(when(col("amount").gt(1000), "High Value").when(col("amount").gt(500), "Medium Value")
        .otherwise("Low Value"), when(col("amount").gt(500), col("amount")))))
        .isEqualTo("[[High Value,1200.0], [Medium Value,700.0], [Low Value,null], [Low Value,null]]");
  }

  @Test
  void castToString_numbersDatesBooleans() {
    assertThat(eval(lit(1.0E10).cast("string"), lit(0.1).plus(lit(0.2)).cast("string"), lit(true).cast("string"),
        lit(java.time.LocalDate.of(2024, 1, 2)).cast(DataTypes.StringType)))
        .isEqualTo("[[1.0E10,0.30000000000000004,true,2024-01-02]]");
  }

  @Test
  void mathFunctions_lastDigitAsSparksStrictMath() {
    // Spark 3.5.3's values; Math's intrinsics give 2.718281828459045, 1.0498221244986776, -0.8450980400142568,
    // 0.4645557857383666 and 1.145730375719725.
    assertThat(eval(exp(lit(1)), log(lit(20).divide(7)), log10(lit(1).divide(7)), pow(lit(4).divide(7), 1.37),
        log(2.5, lit(20).divide(7))))
        .isEqualTo("[[2.7182818284590455,1.0498221244986778,-0.8450980400142569,0.46455578573836664,"
            + "1.1457303757197252]]");
  }

  @Test
  void regexpReplace_emptyText_emptyPatternStillMatches() {
    // Spark 3.5.3: regexp_replace('', '', '-') is '-'; an empty pattern matches around every character.
    assertThat(eval(regexp_replace(lit(""), "", "-"), regexp_replace(lit("ab"), "", "-"),
        regexp_replace(lit(""), "x", "-")))
        .isEqualTo("[[-,-a-b-,]]");
  }

  @Test
  void dateToNumberOrBoolean_castsToNull_likeSpark() {
    // Spark 3.5.3 (non-ANSI) allows these casts and gives null.
    Column d = lit("2024-02-29").cast("date");
    DataFrame df = session.range(1).select(d.cast("int"), d.cast("bigint"), d.cast("double"), d.cast("boolean"));
    assertThat(rows(df)).isEqualTo("[[null,null,null,null]]");
  }

  @Test
  void integralToBinary_usesTheValuesOwnWidth() {
    // Spark 3.5.3 shows CAST(1 AS BINARY) as [00 00 00 01] and CAST(1L AS BINARY) as eight bytes.
    Row r = session.range(1).select(lit(1).cast("binary"), lit(1L).cast("binary"), lit(258).cast("smallint")
        .cast("binary")).first();
    assertThat((byte[]) r.get(0)).containsExactly(0, 0, 0, 1);
    assertThat((byte[]) r.get(1)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
    assertThat((byte[]) r.get(2)).containsExactly(1, 2);
  }

  @Test
  void dateFormat_zoneLetters_printTheSessionZone() {
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 13, 45, 6);
    ZonedDateTime zoned = t.atZone(ZoneId.systemDefault());
    // Spark 3.5.3 in a UTC session prints "UTC" and "Z".
    assertThat(eval(date_format(lit(t), "z"), date_format(lit(t), "XXX"), date_format(lit(t), "HH:mm z")))
        .isEqualTo("[[" + DateTimeFormatter.ofPattern("z", Locale.US).format(zoned) + ","
            + DateTimeFormatter.ofPattern("XXX").format(zoned) + ",13:45 "
            + DateTimeFormatter.ofPattern("z", Locale.US).format(zoned) + "]]");
  }

  @Test
  void isin_stringAndNumbers_compareAsStrings_likeSpark() {
    DataFrame df = df("s STRING, d DOUBLE, i INT", r("10.0", 1.0, 1), r("abc", -0.0, 2), r(null, 0.0, null));
    // Spark 3.5.3 widens IN's operands as CASE WHEN's: a string meets a number as a string.
    assertThat(rows(df.select(col("s").isin(10), col("d").isin("1"), col("d").isin(0, "x"), col("i").isin(1.5, 2))))
        .isEqualTo("[[false,false,false,false], [false,false,false,true], [null,false,false,null]]");
  }

  @Test
  void dateFormat_quotedTextKept_weekBasedLettersRejected_likeSpark() {
    Column t = lit("2024-02-29 13:45:06").cast("timestamp");
    // Spark 3.5.3: quoted letters are text; week-based letters fail the query.
    assertThat(eval(date_format(t, "'yes' yyyy"), date_format(t, "'T'HH"), date_format(t, "D F Q G")))
        .isEqualTo("[[yes 2024,T13,60 1 1 AD]]");
    assertThatThrownBy(() -> eval(date_format(t, "e"))).hasStackTraceContaining(
        "All week-based patterns are unsupported since Spark 3.0, detected: e, Please use the SQL function EXTRACT "
            + "instead");
    assertThatThrownBy(() -> eval(date_format(t, "yyyy-ww"))).hasStackTraceContaining("detected: w");
    // Spark 3.5.3 also rejects narrow text forms, and day-of-week or quarter letters in patterns that parse.
    assertThatThrownBy(() -> eval(date_format(t, "MMMMM"))).hasStackTraceContaining("Too many pattern letters: M");
    assertThatThrownBy(() -> eval(to_timestamp(lit("2024-01-01 1"), "yyyy-MM-dd Q")))
        .hasStackTraceContaining("Illegal pattern character: Q");
    assertThat(eval(date_format(t, "'MMMMM' EEE QQQ"))).isEqualTo("[[MMMMM Thu Q1]]");
  }

  @Test
  void datePlusDays_isDateAdd_likeSpark() {
    DataFrame df = df("s STRING, i INT", r("2024-02-28", 1), r("2024-12-31", -366), r(null, 5), r("2024-03-01", null))
        .select(col("s").cast("date").as("d"), col("i"));
    DataFrame shifted = df.select(col("d").plus(1), col("d").plus(col("i")), lit(2).plus(col("d")), col("d").minus(1),
        col("d").minus(col("i")), col("d").plus(lit(null)));
    // Spark 3.5.3's names and values for the same data.
    assertThat(shifted.columns()).containsExactly("date_add(d, 1)", "date_add(d, i)", "date_add(d, 2)",
        "date_sub(d, 1)", "date_sub(d, i)", "date_add(d, NULL)");
    assertThat(rows(shifted)).isEqualTo("[[2024-02-29,2024-02-29,2024-03-01,2024-02-27,2024-02-27,null], "
        + "[2025-01-01,2023-12-31,2025-01-02,2024-12-30,2026-01-01,null], [null,null,null,null,null,null], "
        + "[2024-03-02,null,2024-03-03,2024-02-29,null,null]]");
    assertThat(rows(df.filter(col("d").plus(1).gt("2024-03-01")).select("i"))).isEqualTo("[[-366], [null]]");
  }
}
