package io.kindling.engine.sql.physical;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.ScanFilter;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.In;
import io.kindling.internal.sql.expr.IsNotNull;
import io.kindling.internal.sql.expr.IsNull;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Not;
import io.kindling.internal.sql.expr.Or;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFiltersTest {
  static final AttributeRef ID = AttributeRef.of("id", DataTypes.IntegerType, true);
  static final AttributeRef DAY = AttributeRef.of("day", DataTypes.DateType, true);
  static final AttributeRef NESTED = AttributeRef.of("st", StructType.fromDDL("x INT"), true);
  static final AttributeRef PART = AttributeRef.of("region", DataTypes.StringType, true);
  static final List<AttributeRef> DATA = List.of(ID, DAY, NESTED);

  private static List<ScanFilter> translate(Expression... filters) {
    return ScanFilters.translate(List.of(filters), DATA);
  }

  private static Literal lit(int v) {
    return new Literal(v, DataTypes.IntegerType);
  }

  @Test
  void comparisons_withConstantsOfTheColumnsType_translate_literalOnTheLeftFlips() {
    assertThat(translate(new Comparison(Comparison.Op.GT, ID, lit(5)),
        new Comparison(Comparison.Op.LT, lit(7), ID),
        new Comparison(Comparison.Op.EQ, DAY, new Literal(LocalDate.of(2024, 1, 2), DataTypes.DateType))))
        .containsExactly(ScanFilter.gt("id", 5), ScanFilter.gt("id", 7),
            ScanFilter.eq("day", LocalDate.of(2024, 1, 2)));
  }

  @Test
  void nullSafeEquality_withNull_isIsNull_otherComparisonsWithNullAreNotPushed() {
    Literal nullInt = new Literal(null, DataTypes.IntegerType);
    assertThat(translate(new Comparison(Comparison.Op.EQ_NULL_SAFE, ID, nullInt))).containsExactly(
        ScanFilter.isNull("id"));
    assertThat(translate(new Comparison(Comparison.Op.EQ, ID, nullInt))).isEmpty();
  }

  @Test
  void booleanCombinations_translateOnlyWhenEverySideDoes() {
    Expression ok = new Comparison(Comparison.Op.GE, ID, lit(1));
    Expression notOk = new Comparison(Comparison.Op.EQ, ID, new Literal(1L, DataTypes.LongType));
    assertThat(translate(new And(ok, new IsNotNull(DAY)), new Or(ok, new IsNull(ID)), new Not(ok)))
        .containsExactly(ScanFilter.and(ScanFilter.ge("id", 1), ScanFilter.isNotNull("day")),
            ScanFilter.or(ScanFilter.ge("id", 1), ScanFilter.isNull("id")), ScanFilter.not(ScanFilter.ge("id", 1)));
    assertThat(translate(new And(ok, notOk), new Or(ok, notOk), new Not(notOk))).isEmpty();
  }

  @Test
  void inLists_ofConstants_translate() {
    assertThat(translate(new In(ID, List.of(lit(1), lit(2))))).containsExactly(ScanFilter.in("id", 1, 2));
    assertThat(translate(new In(ID, List.of(lit(1), ID)))).isEmpty();
  }

  @Test
  void partitionNestedAndComputedColumns_areNotPushed() {
    assertThat(translate(new Comparison(Comparison.Op.EQ, PART, new Literal("eu", DataTypes.StringType)),
        new IsNull(NESTED),
        new Comparison(Comparison.Op.EQ, new io.kindling.internal.sql.expr.Arithmetic(
            io.kindling.internal.sql.expr.Arithmetic.Op.ADD, ID, lit(1)), lit(3)))).isEmpty();
  }
}
