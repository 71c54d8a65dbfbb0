package io.kindling.engine.sql.join;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.sql.plan.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Probes a hashed build side with batches of the other side. Output rows always have the left side's
 * columns first. Handles inner, left/right/full outer, left semi and left anti joins, with an optional
 * residual condition (evaluated on joined rows) deciding which key matches count.
 */
public final class JoinProber {
  private final JoinType type;
  private final boolean buildIsLeft;
  private final HashedRelation build;
  private final Function<ColumnBatch, ColumnVector[]> probeKeys;
  private final BatchExpr residual;
  private final int batchRows;
  private final boolean[] buildMatched;

  /**
   * @param buildIsLeft true when the hashed side is the join's left side
   * @param residual a condition over joined rows (left columns then right columns), or null
   */
  public JoinProber(JoinType type, boolean buildIsLeft, HashedRelation build,
      Function<ColumnBatch, ColumnVector[]> probeKeys, BatchExpr residual, int batchRows) {
    this.type = type;
    this.buildIsLeft = buildIsLeft;
    this.build = build;
    this.probeKeys = probeKeys;
    this.residual = residual;
    this.batchRows = batchRows;
    boolean trackBuild = buildIsLeft ? type.keepsUnmatchedLeft() : type.keepsUnmatchedRight();
    this.buildMatched = trackBuild ? new boolean[build.numRows()] : null;
  }

  private boolean keepUnmatchedProbe() {
    return buildIsLeft ? type.keepsUnmatchedRight() : type.keepsUnmatchedLeft();
  }

  /** The joined rows of every probe batch, then (for outer joins of the build side) its unmatched rows. */
  public Iterator<ColumnBatch> join(Iterator<ColumnBatch> probe) {
    return new Iterator<>() {
      private Iterator<ColumnBatch> current = Collections.emptyIterator();
      private boolean unmatchedDone = buildMatched == null;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (probe.hasNext()) {
            current = probeBatch(probe.next()).iterator();
          } else if (!unmatchedDone) {
            unmatchedDone = true;
            current = unmatchedBuildRows().iterator();
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private List<ColumnBatch> probeBatch(ColumnBatch batch) {
    int n = batch.numRows();
    List<ColumnBatch> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    ColumnVector[] keys = probeKeys.apply(batch);
    // Candidate pairs of (probe row, build row) with equal keys.
    int[] probeIdx = new int[Math.max(n, 16)];
    int[] buildIdx = new int[probeIdx.length];
    int pairs = 0;
    int[] heads = new int[n];
    build.firstOfEach(keys, n, heads);
    for (int i = 0; i < n; i++) {
      for (int r = heads[i]; r >= 0; r = build.next(r)) {
        if (pairs == probeIdx.length) {
          probeIdx = Arrays.copyOf(probeIdx, pairs * 2);
          buildIdx = Arrays.copyOf(buildIdx, pairs * 2);
        }
        probeIdx[pairs] = i;
        buildIdx[pairs] = r;
        pairs++;
      }
    }
    boolean[] pass = null;
    if (residual != null && pairs > 0) {
      pass = new boolean[pairs];
      for (int from = 0; from < pairs; from += batchRows) {
        int to = Math.min(pairs, from + batchRows);
        ColumnBatch joined = joined(batch, probeIdx, buildIdx, from, to);
        BooleanVector v = (BooleanVector) residual.eval(joined);
        for (int k = from; k < to; k++) {
          pass[k] = v.getBoolean(k - from) && !v.isNull(k - from);
        }
      }
    }
    boolean[] probeMatched = new boolean[n];
    int kept = 0;
    for (int k = 0; k < pairs; k++) {
      if (pass == null || pass[k]) {
        probeMatched[probeIdx[k]] = true;
        if (buildMatched != null) {
          buildMatched[buildIdx[k]] = true;
        }
        probeIdx[kept] = probeIdx[k];
        buildIdx[kept] = buildIdx[k];
        kept++;
      }
    }
    if (type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI) {
      boolean want = type == JoinType.LEFT_SEMI;
      int[] rows = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (probeMatched[i] == want) {
          rows[count++] = i;
        }
      }
      if (count > 0) {
        out.add(count == n ? batch : batch.gather(rows, count));
      }
      return out;
    }
    for (int from = 0; from < kept; from += batchRows) {
      out.add(joined(batch, probeIdx, buildIdx, from, Math.min(kept, from + batchRows)));
    }
    if (keepUnmatchedProbe()) {
      int[] rows = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (!probeMatched[i]) {
          rows[count++] = i;
        }
      }
      if (count > 0) {
        int[] none = new int[count];
        Arrays.fill(none, -1);
        out.add(joined(batch, rows, none, 0, count));
      }
    }
    return out;
  }

  /** Build rows no probe row matched, with nulls for the probe side. */
  private List<ColumnBatch> unmatchedBuildRows() {
    List<ColumnBatch> out = new ArrayList<>();
    int n = build.numRows();
    int[] rows = new int[n];
    int count = 0;
    for (int r = 0; r < n; r++) {
      if (!buildMatched[r]) {
        rows[count++] = r;
      }
    }
    for (int from = 0; from < count; from += batchRows) {
      int to = Math.min(count, from + batchRows);
      int m = to - from;
      int[] b = Arrays.copyOfRange(rows, from, to);
      int[] none = new int[m];
      Arrays.fill(none, -1);
      out.add(assemble(null, none, build.rows(), b, m));
    }
    return out;
  }

  private ColumnBatch joined(ColumnBatch probe, int[] probeIdx, int[] buildIdx, int from, int to) {
    int m = to - from;
    int[] p = from == 0 && probeIdx.length == m ? probeIdx : Arrays.copyOfRange(probeIdx, from, to);
    int[] b = from == 0 && buildIdx.length == m ? buildIdx : Arrays.copyOfRange(buildIdx, from, to);
    return assemble(probe, p, build.rows(), b, m);
  }

  /** Left columns then right columns; a null probe batch means its columns are all null. */
  private ColumnBatch assemble(ColumnBatch probe, int[] probeIdx, ColumnBatch buildRows, int[] buildIdx, int m) {
    ColumnBatch probePart = probe == null ? nullBatchLike(probeTemplate, m)
        : isIdentity(probeIdx, m, probe.numRows()) ? probe : probe.gather(probeIdx, m);
    ColumnBatch buildPart = buildRows.gather(buildIdx, m);
    ColumnBatch left = buildIsLeft ? buildPart : probePart;
    ColumnBatch right = buildIsLeft ? probePart : buildPart;
    ColumnVector[] cols = new ColumnVector[left.numColumns() + right.numColumns()];
    for (int c = 0; c < left.numColumns(); c++) {
      cols[c] = left.column(c);
    }
    for (int c = 0; c < right.numColumns(); c++) {
      cols[left.numColumns() + c] = right.column(c);
    }
    return new ColumnBatch(cols, m);
  }

  /** Whether the rows picked are every row of the batch in order (each probe row matched once: no copy needed). */
  private static boolean isIdentity(int[] idx, int m, int rows) {
    if (m != rows) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      if (idx[i] != i) {
        return false;
      }
    }
    return true;
  }

  private ColumnBatch probeTemplate;

  /** The probe side's column types, for all-null columns of unmatched build rows. */
  public JoinProber probeTypes(List<io.kindling.sql.types.DataType> types) {
    ColumnVector[] cols = new ColumnVector[types.size()];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = io.kindling.engine.sql.vector.Vectors.nulls(types.get(c), 0);
    }
    probeTemplate = new ColumnBatch(cols, 0);
    return this;
  }

  private static ColumnBatch nullBatchLike(ColumnBatch template, int m) {
    ColumnVector[] cols = new ColumnVector[template.numColumns()];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = io.kindling.engine.sql.vector.Vectors.nulls(template.column(c).type(), m);
    }
    return new ColumnBatch(cols, m);
  }
}
