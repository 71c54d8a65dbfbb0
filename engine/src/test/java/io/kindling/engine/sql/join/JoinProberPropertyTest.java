package io.kindling.engine.sql.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Hash joins of every type against nested loops over the same rows (null keys never match). */
class JoinProberPropertyTest {

  private static ColumnBatch batch(List<Integer> keys) {
    int n = keys.size();
    int[] k = new int[n];
    int[] pos = new int[n];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      nulls[i] = keys.get(i) == null;
      k[i] = nulls[i] ? 0 : keys.get(i);
      pos[i] = i;
    }
    return new ColumnBatch(new ColumnVector[] {new IntVector(k, nulls, n), new IntVector(pos, null, n)}, n);
  }

  /** Joined rows as "leftPos:rightPos" (-1 for a null side). */
  private static List<String> reference(List<Integer> left, List<Integer> right, JoinType type) {
    List<String> out = new ArrayList<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (int i = 0; i < left.size(); i++) {
      boolean matched = false;
      for (int j = 0; j < right.size(); j++) {
        if (left.get(i) != null && left.get(i).equals(right.get(j))) {
          matched = true;
          rightMatched[j] = true;
          if (!type.leftOnly()) {
            out.add(i + ":" + j);
          }
        }
      }
      if (type == JoinType.LEFT_SEMI && matched || type == JoinType.LEFT_ANTI && !matched) {
        out.add(i + ":x");
      }
      if (!matched && type.keepsUnmatchedLeft()) {
        out.add(i + ":-1");
      }
    }
    if (type.keepsUnmatchedRight()) {
      for (int j = 0; j < right.size(); j++) {
        if (!rightMatched[j]) {
          out.add("-1:" + j);
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static List<String> hashJoin(List<Integer> left, List<Integer> right, JoinType type, boolean buildLeft) {
    ColumnBatch l = batch(left);
    ColumnBatch r = batch(right);
    ColumnBatch build = buildLeft ? l : r;
    ColumnBatch probe = buildLeft ? r : l;
    HashedRelation relation = HashedRelation.build(build, new ColumnVector[] {build.column(0)});
    JoinProber prober = new JoinProber(type, buildLeft, relation, b -> new ColumnVector[] {b.column(0)}, null, 4)
        .probeTypes(List.of(DataTypes.IntegerType, DataTypes.IntegerType));
    List<ColumnBatch> probeBatches = new ArrayList<>();
    for (int from = 0; from < probe.numRows(); from += 5) {
      probeBatches.add(probe.slice(from, Math.min(probe.numRows(), from + 5)));
    }
    List<String> out = new ArrayList<>();
    Iterator<ColumnBatch> it = prober.join(probeBatches.iterator());
    while (it.hasNext()) {
      ColumnBatch b = it.next();
      for (int i = 0; i < b.numRows(); i++) {
        String lp = b.column(1).isNull(i) ? "-1" : b.column(1).get(i).toString();
        if (type.leftOnly()) {
          out.add(lp + ":x");
        } else {
          String rp = b.column(3).isNull(i) ? "-1" : b.column(3).get(i).toString();
          out.add(lp + ":" + rp);
        }
      }
    }
    out.sort(null);
    return out;
  }

  @Property(tries = 150)
  void everyJoinType_matchesNestedLoops(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 8) Integer> left,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 8) Integer> right) {
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI,
        JoinType.FULL_OUTER, JoinType.RIGHT_OUTER)) {
      List<String> expected = reference(left, right, type);
      assertThat(hashJoin(left, right, type, false)).as(type.toString()).isEqualTo(expected);
      if (type == JoinType.INNER || type == JoinType.RIGHT_OUTER) {
        assertThat(hashJoin(left, right, type, true)).as(type + " build left").isEqualTo(expected);
      }
    }
  }
}
