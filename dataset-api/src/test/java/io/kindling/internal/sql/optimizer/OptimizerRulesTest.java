package io.kindling.internal.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FileSource;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LocalRelationNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import io.kindling.internal.sql.plan.SourceFile;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each optimizer rule on small hand-built plans. */
class OptimizerRulesTest {
  static final AttributeRef ID = AttributeRef.of("id", DataTypes.IntegerType, true);
  static final AttributeRef PRICE = AttributeRef.of("price", DataTypes.DoubleType, true);
  static final AttributeRef REGION = AttributeRef.of("region", DataTypes.StringType, true);
  static final AttributeRef YEAR = AttributeRef.of("year", DataTypes.IntegerType, true);

  static FileScanNode scan(long size) {
    FileSource source = new FileSource("csv", List.of("/x"), Map.of(), StructType.fromDDL("id INT, price DOUBLE, "
        + "region STRING"), StructType.fromDDL("year INT"), List.of(new SourceFile("/x/year=1/a.csv", size,
        List.of(1))));
    return new FileScanNode(source, List.of(ID, PRICE, REGION), List.of(YEAR), List.of(ID, PRICE, REGION, YEAR),
        List.of());
  }

  static Expression gt(AttributeRef a, Object v) {
    return new Comparison(Comparison.Op.GT, a, new Literal(v, io.kindling.internal.sql.expr.Values.typeOf(v)));
  }

  @Test
  void combineFilters_mergesAdjacentFilters() {
    LogicalPlan plan = new FilterNode(gt(ID, 2), new FilterNode(gt(ID, 1), scan(10)));
    LogicalPlan out = new CombineFilters().apply(plan);
    assertThat(out).isInstanceOf(FilterNode.class);
    assertThat(((FilterNode) out).child()).isInstanceOf(FileScanNode.class);
    assertThat(((FilterNode) out).condition()).isInstanceOf(And.class);
  }

  @Test
  void combineProjections_inlinesSingleUse_keepsSharedExpressions() {
    FileScanNode s = scan(10);
    Alias total = Alias.of(new Arithmetic(Arithmetic.Op.MULTIPLY, PRICE, PRICE), "total");
    ProjectNode lower = new ProjectNode(List.of(total, ID), s);
    AttributeRef t = total.toAttribute();
    LogicalPlan single = new CombineProjections().apply(new ProjectNode(List.of(t), lower));
    assertThat(single).isInstanceOf(ProjectNode.class);
    assertThat(((ProjectNode) single).child()).isSameAs(s);
    assertThat(single.output()).containsExactly(t);
    ProjectNode twice = new ProjectNode(List.of(Alias.of(new Arithmetic(Arithmetic.Op.ADD, t, t), "u")), lower);
    assertThat(((ProjectNode) new CombineProjections().apply(twice)).child()).isSameAs(lower);
  }

  @Test
  void foldConstants_evaluatesLiteralExpressionsAndSimplifiesLogic() {
    FoldConstants fold = new FoldConstants(e -> 3);
    Expression sum = new Arithmetic(Arithmetic.Op.ADD, Literal.of(1), Literal.of(2));
    FilterNode f = new FilterNode(new And(Literal.TRUE, new Comparison(Comparison.Op.GT, ID, sum)), scan(10));
    FilterNode out = (FilterNode) fold.apply(f);
    assertThat(out.condition()).isEqualTo(new Comparison(Comparison.Op.GT, ID, Literal.of(3)));
  }

  @Test
  void pruneFilters_constantConditions() {
    assertThat(new PruneFilters().apply(new FilterNode(Literal.TRUE, scan(10)))).isInstanceOf(FileScanNode.class);
    LogicalPlan none = new PruneFilters().apply(new FilterNode(Literal.FALSE, scan(10)));
    assertThat(none).isInstanceOf(LocalRelationNode.class);
    assertThat(((LocalRelationNode) none).rows()).isEmpty();
    assertThat(none.output()).isEqualTo(scan(10).output());
  }

  @Test
  void pushFilterDown_throughProjectionInliningAliases() {
    FileScanNode s = scan(10);
    Alias doubled = Alias.of(new Arithmetic(Arithmetic.Op.MULTIPLY, PRICE, Literal.of(2)), "d");
    ProjectNode p = new ProjectNode(List.of(doubled), s);
    LogicalPlan out = new PushFilterDown().apply(new FilterNode(gt(doubled.toAttribute(), 5.0), p));
    assertThat(out).isInstanceOf(ProjectNode.class);
    FilterNode below = (FilterNode) ((ProjectNode) out).child();
    assertThat(below.condition().references()).containsExactly(PRICE);
  }

  @Test
  void pushFilterDown_intoJoinSides_andGroupingKeys() {
    FileScanNode l = scan(10);
    LocalRelationNode r = new LocalRelationNode(List.of(AttributeRef.of("rid", DataTypes.IntegerType, true)),
        List.of());
    JoinNode join = new JoinNode(l, r, JoinType.INNER, null, JoinNode.Strategy.SHUFFLE);
    LogicalPlan out = new PushFilterDown().apply(new FilterNode(gt(ID, 1), join));
    assertThat(out).isInstanceOf(JoinNode.class);
    assertThat(((JoinNode) out).left()).isInstanceOf(FilterNode.class);
    JoinNode leftOuter = new JoinNode(l, r, JoinType.LEFT_OUTER, null, JoinNode.Strategy.SHUFFLE);
    LogicalPlan kept = new PushFilterDown().apply(new FilterNode(gt(r.output().get(0), 1), leftOuter));
    assertThat(kept).isInstanceOf(FilterNode.class);
    AggregateNode agg = new AggregateNode(List.of(REGION), List.of(REGION), l);
    LogicalPlan pushed = new PushFilterDown().apply(new FilterNode(new Comparison(Comparison.Op.EQ, REGION,
        new Literal("EU", DataTypes.StringType)), agg));
    assertThat(pushed).isInstanceOf(AggregateNode.class);
    assertThat(((AggregateNode) pushed).child()).isInstanceOf(FilterNode.class);
  }

  @Test
  void pushFilterIntoScan_movesConditionsIntoScan() {
    LogicalPlan out = new PushFilterIntoScan().apply(new FilterNode(new And(gt(ID, 1), gt(YEAR, 2000)), scan(10)));
    assertThat(out).isInstanceOf(FileScanNode.class);
    assertThat(((FileScanNode) out).filters()).hasSize(2);
  }

  @Test
  void pruneColumns_narrowsScanToNeededColumns() {
    LogicalPlan plan = new ProjectNode(List.of(PRICE), new FilterNode(gt(ID, 1), scan(10)));
    LogicalPlan out = new PruneColumns().apply(plan);
    FileScanNode pruned = (FileScanNode) ((FilterNode) ((ProjectNode) out).child()).child();
    assertThat(pruned.output()).containsExactly(ID, PRICE);
  }

  @Test
  void removeNoopProjections_dropsIdentity() {
    FileScanNode s = scan(10);
    assertThat(new RemoveNoopProjections().apply(new ProjectNode(List.copyOf(s.output()), s))).isSameAs(s);
  }

  @Test
  void selectBroadcastJoin_bySizeByHintAndOffWithMinusOne() {
    FileScanNode big = scan(100L << 20);
    FileScanNode small = new FileScanNode(scan(1).source(), List.of(AttributeRef.of("id", DataTypes.IntegerType,
        true)), List.of(), List.of(), List.of());
    JoinNode join = new JoinNode(big, small, JoinType.INNER, null, JoinNode.Strategy.SHUFFLE);
    assertThat(((JoinNode) new SelectBroadcastJoin(10L << 20).apply(join)).strategy())
        .isEqualTo(JoinNode.Strategy.BROADCAST_RIGHT);
    assertThat(((JoinNode) new SelectBroadcastJoin(-1).apply(join)).strategy())
        .isEqualTo(JoinNode.Strategy.SHUFFLE);
    JoinNode hinted = new JoinNode(new BroadcastHintNode(big), small, JoinType.INNER, null, JoinNode.Strategy.SHUFFLE);
    assertThat(((JoinNode) new SelectBroadcastJoin(-1).apply(hinted)).strategy())
        .isEqualTo(JoinNode.Strategy.BROADCAST_LEFT);
    JoinNode full = new JoinNode(big, small, JoinType.FULL_OUTER, null, JoinNode.Strategy.SHUFFLE);
    assertThat(((JoinNode) new SelectBroadcastJoin(10L << 20).apply(full)).strategy())
        .isEqualTo(JoinNode.Strategy.SHUFFLE);
    JoinNode leftOuter = new JoinNode(small, big, JoinType.LEFT_OUTER, null, JoinNode.Strategy.SHUFFLE);
    assertThat(((JoinNode) new SelectBroadcastJoin(10L << 20).apply(leftOuter)).strategy())
        .isEqualTo(JoinNode.Strategy.SHUFFLE);
  }

  @Test
  void optimizer_reachesFixedPoint() {
    Optimizer optimizer = new Optimizer(e -> 3, 10L << 20);
    LogicalPlan plan = new ProjectNode(List.of(PRICE), new FilterNode(gt(ID, 1), new FilterNode(gt(YEAR, 1),
        scan(10))));
    LogicalPlan out = optimizer.optimize(plan);
    // Filters go into the scan, the scan reads only price, and the projection left is an identity: removed.
    assertThat(out).isInstanceOf(FileScanNode.class);
    FileScanNode s = (FileScanNode) out;
    assertThat(s.filters()).hasSize(2);
    assertThat(s.output()).containsExactly(PRICE);
    assertThat(optimizer.optimize(out)).isEqualTo(out);
  }
}
