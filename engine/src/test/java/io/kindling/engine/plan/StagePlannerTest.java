package io.kindling.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.internal.lineage.CoalesceNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.UnionNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StagePlannerTest {
  private final AtomicInteger ids = new AtomicInteger();
  private final StagePlanner planner = new StagePlanner(ids::getAndIncrement);

  private static LineageNode<Object> source(int id, int partitions) {
    return new ParallelCollectionNode<>(id, "parallelize at App.java:" + id, List.of(1, 2, 3), partitions);
  }

  private static <T> LineageNode<T> map(int id, LineageNode<T> parent) {
    return new MapPartitionsNode<>(id, "map at App.java:" + id, parent, (p, it) -> it);
  }

  @Test
  void plan_source_isOneResultStage() {
    LineageNode<Object> src = source(0, 3);
    JobPlan plan = planner.plan(src);
    assertThat(plan.stages()).hasSize(1);
    Stage result = plan.resultStage();
    assertThat(result.isShuffleMap()).isFalse();
    assertThat(result.node()).isSameAs(src);
    assertThat(result.parents()).isEmpty();
    assertThat(result.numPartitions()).isEqualTo(3);
    assertThat(result.name()).isEqualTo("parallelize at App.java:0");
  }

  @Test
  void plan_narrowChain_isPipelinedIntoOneStage() {
    LineageNode<Object> chain = map(3, map(2, map(1, source(0, 2))));
    JobPlan plan = planner.plan(chain);
    assertThat(plan.stages()).hasSize(1);
    assertThat(plan.resultStage().node()).isSameAs(chain);
    assertThat(plan.resultStage().toString()).isEqualTo("ResultStage 0 (map at App.java:3)");
  }

  @Test
  void plan_unionAndCoalesce_stayInOneStage() {
    LineageNode<Object> a = map(1, source(0, 2));
    LineageNode<Object> b = source(2, 3);
    LineageNode<Object> union = new UnionNode<>(3, "union at App.java:3", List.of(a, b));
    LineageNode<Object> coalesced = new CoalesceNode<>(4, "coalesce at App.java:4", union, 2);
    JobPlan plan = planner.plan(coalesced);
    assertThat(plan.stages()).hasSize(1);
    assertThat(plan.resultStage().numPartitions()).isEqualTo(2);
  }

  @Test
  void plan_unionOfADatasetWithItself_isOneStage() {
    LineageNode<Object> a = map(1, source(0, 2));
    JobPlan plan = planner.plan(new UnionNode<>(2, "union at App.java:2", List.of(a, a)));
    assertThat(plan.stages()).hasSize(1);
    assertThat(plan.resultStage().numPartitions()).isEqualTo(4);
  }

  @Test
  void plan_oneShuffle_cutsIntoMapStageThenResultStage() {
    LineageNode<Object> mapped = map(1, source(0, 4));
    ShuffledTestNode<Object, Object> shuffled = new ShuffledTestNode<>(2, "reduceByKey at App.java:2", 3, 0, mapped);
    LineageNode<?> root = map(3, shuffled);
    JobPlan plan = planner.plan(root);
    assertThat(plan.stages()).hasSize(2);
    Stage mapStage = plan.stages().get(0);
    Stage result = plan.stages().get(1);
    assertThat(mapStage.isShuffleMap()).isTrue();
    assertThat(mapStage.node()).isSameAs(mapped);
    assertThat(mapStage.numPartitions()).isEqualTo(4);
    assertThat(mapStage.shuffleDependency()).isSameAs(shuffled.dependencies().get(0));
    assertThat(mapStage.id()).isLessThan(result.id());
    assertThat(result.node()).isSameAs(root);
    assertThat(result.numPartitions()).isEqualTo(3);
    assertThat(result.parents()).containsExactly(mapStage);
    assertThat(mapStage.toString()).startsWith("ShuffleMapStage");
    assertThat(plan.stage(mapStage.id())).isSameAs(mapStage);
  }

  @Test
  void plan_shufflesInSequence_orderStagesParentsFirst() {
    ShuffledTestNode<Object, Object> first = new ShuffledTestNode<>(1, "groupByKey at App.java:1", 2, 0, source(0, 2));
    ShuffledTestNode<Object, Object> second = new ShuffledTestNode<>(3, "sortByKey at App.java:3", 2, 1,
        map(2, first));
    JobPlan plan = planner.plan(second);
    assertThat(plan.stages()).hasSize(3);
    assertThat(plan.stages().get(0).parents()).isEmpty();
    assertThat(plan.stages().get(1).parents()).containsExactly(plan.stages().get(0));
    assertThat(plan.stages().get(2).parents()).containsExactly(plan.stages().get(1));
    assertThat(plan.stages()).extracting(Stage::isShuffleMap).containsExactly(true, true, false);
  }

  @Test
  void plan_sameShuffleReachedTwice_isOneSharedStage() {
    ShuffledTestNode<Object, Object> shuffled = new ShuffledTestNode<>(1, "reduceByKey at App.java:1", 2, 0,
        source(0, 2));
    LineageNode<Object> left = map(2, (LineageNode<Object>) (LineageNode<?>) shuffled);
    LineageNode<Object> right = map(3, (LineageNode<Object>) (LineageNode<?>) shuffled);
    JobPlan plan = planner.plan(new UnionNode<>(4, "union at App.java:4", List.of(left, right)));
    assertThat(plan.stages()).hasSize(2);
    assertThat(plan.resultStage().parents()).hasSize(1);
  }

  @Test
  void plan_twoShuffleParents_giveTwoParentStages() {
    LineageNode<Object> a = source(0, 2);
    LineageNode<Object> b = source(1, 3);
    ShuffledTestNode<Object, Object> cogrouped = new ShuffledTestNode<>(2, "join at App.java:2", 2,
        new int[] {0, 1}, List.of(a, b));
    JobPlan plan = planner.plan(cogrouped);
    assertThat(plan.stages()).hasSize(3);
    assertThat(plan.resultStage().parents()).extracting(Stage::node).containsExactly(a, b);
    assertThat(plan.resultStage().parents()).extracting(s -> s.shuffleDependency().shuffleId())
        .containsExactly(0, 1);
  }

  @Test
  void plan_stageIds_comeFromTheSupplierAcrossJobs() {
    LineageNode<Object> src = source(0, 1);
    assertThat(planner.plan(src).resultStage().id()).isEqualTo(0);
    assertThat(planner.plan(src).resultStage().id()).isEqualTo(1);
  }

  @Test
  void shuffleBoundaries_narrowOnlyLineage_isEmpty() {
    assertThat(StagePlanner.shuffleBoundaries(map(1, source(0, 1)))).isEmpty();
  }

  @Test
  void shuffleBoundaries_stopAtTheFirstShuffle() {
    ShuffledTestNode<Object, Object> inner = new ShuffledTestNode<>(1, "a at A.java:1", 2, 0, source(0, 2));
    ShuffledTestNode<Object, Object> outer = new ShuffledTestNode<>(2, "b at A.java:2", 2, 1, inner);
    List<ShuffleDependency<?, ?, ?>> found = StagePlanner.shuffleBoundaries(map(3,
        (LineageNode<Object>) (LineageNode<?>) outer));
    assertThat(found).extracting(ShuffleDependency::shuffleId).containsExactly(1);
  }

  @Test
  void jobPlan_endingWithShuffleMapStage_isRejected() {
    ShuffledTestNode<Object, Object> shuffled = new ShuffledTestNode<>(1, "x at A.java:1", 2, 0, source(0, 2));
    Stage mapStage = new Stage(0, source(0, 2), List.of(), (ShuffleDependency<?, ?, ?>) shuffled.dependencies()
        .get(0));
    assertThatThrownBy(() -> new JobPlan(List.of(mapStage))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobPlan(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jobPlan_unknownStageId_isRejected() {
    JobPlan plan = planner.plan(source(0, 1));
    assertThatThrownBy(() -> plan.stage(99)).isInstanceOf(IllegalArgumentException.class);
  }
}
