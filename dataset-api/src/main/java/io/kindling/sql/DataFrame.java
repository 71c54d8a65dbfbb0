package io.kindling.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.QueryExecution;
import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.analysis.Analyzer;
import io.kindling.internal.sql.analysis.TypeCoercion;
import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Call;
import io.kindling.internal.sql.expr.Cast;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.SortOrder;
import io.kindling.internal.sql.expr.Star;
import io.kindling.internal.sql.expr.UnresolvedColumn;
import io.kindling.internal.sql.expr.Values;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LimitNode;
import io.kindling.internal.sql.plan.LocalRelationNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import io.kindling.internal.sql.plan.RepartitionNode;
import io.kindling.internal.sql.plan.SampleNode;
import io.kindling.internal.sql.plan.SortNode;
import io.kindling.internal.sql.plan.UnionNode;
import io.kindling.rdd.RDD;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A distributed table with a schema: a logical plan that runs, optimized, on column batches when an action
 * needs its rows. Transformations ({@code select}, {@code filter}, {@code groupBy(…).agg(…)}, {@code join}, …)
 * are lazy and return a new DataFrame; they check column names and types at once and throw
 * {@link AnalysisException} for unknown columns or mismatched types. Actions ({@code show}, {@code count},
 * {@code collectAsList}, {@code write()…}) run jobs. Operations that exchange data between partitions (group,
 * join without broadcast, sort, distinct, repartition) say so.
 */
public class DataFrame {
  /** How many columns {@code toString()} shows, as Spark. */
  private static final int TO_STRING_FIELDS = 2;

  private final SqlContext sql;
  private final LogicalPlan plan;

  /** Internal: DataFrames are made by the session, readers and transformations. */
  public DataFrame(SqlContext sql, LogicalPlan plan) {
    this.sql = requireNonNull(sql, "sql is null");
    this.plan = requireNonNull(plan, "plan is null");
  }

  /** Internal: the analyzed logical plan. */
  public LogicalPlan logicalPlan() {
    return plan;
  }

  /** Internal: the session's DataFrame state. */
  public SqlContext sqlContext() {
    return sql;
  }

  DataFrame derive(LogicalPlan p) {
    return new DataFrame(sql, p);
  }

  // ---------------------------------------------------------------- schema

  /** The columns' names, types and nullability. */
  public StructType schema() {
    return plan.schema();
  }

  /** The column names, in order. */
  public String[] columns() {
    return plan.output().stream().map(AttributeRef::name).toArray(String[]::new);
  }

  /**
   * The column names with their types' names as Spark's Java API gives them ({@code DataType.toString()}):
   * {@code [(id, LongType), (name, StringType)]}.
   */
  public List<io.kindling.Tuple2<String, String>> dtypes() {
    return plan.output().stream().map(a -> io.kindling.Tuple2.of(a.name(), a.dataType().toString())).toList();
  }

  /**
   * This DataFrame's column {@code name}, bound to it (so that in a join condition it is unambiguous);
   * fails at once if there is no such column.
   */
  public Column col(String name) {
    if (name.equals("*")) {
      return new Column(new Star());
    }
    return new Column(Analyzer.resolveColumnName(name, plan.output()));
  }

  /** Same as {@link #col}. */
  public Column apply(String name) {
    return col(name);
  }

  /** Prints the schema as a tree, as Spark does. */
  public void printSchema() {
    System.out.println(schema().treeString());
  }

  // ---------------------------------------------------------------- actions

  /** Prints the first 20 rows as a table, cells longer than 20 characters cut. Action. */
  public void show() {
    show(20);
  }

  /** Prints the first {@code numRows} rows. Action. */
  public void show(int numRows) {
    show(numRows, true);
  }

  /** Prints the first 20 rows, cutting long cells or not. Action. */
  public void show(boolean truncate) {
    show(20, truncate);
  }

  /** Prints the first {@code numRows} rows, cutting cells longer than 20 characters when {@code truncate}. */
  public void show(int numRows, boolean truncate) {
    System.out.println(showString(numRows, truncate ? 20 : 0));
  }

  /** Prints the first {@code numRows} rows, cutting cells longer than {@code truncate} characters (0: never). */
  public void show(int numRows, int truncate) {
    System.out.println(showString(numRows, truncate));
  }

  /** The text {@code show(numRows, truncate)} prints (without the final newline it adds). Action. */
  public String showString(int numRows, int truncate) {
    int n = Math.max(numRows, 0);
    List<Row> rows = take(n + 1);
    return ShowFormat.format(plan.output(), rows, n, truncate);
  }

  /** The number of rows. Action. */
  public long count() {
    LogicalPlan counting = new AggregateNode(List.of(),
        List.of(Alias.of(new AggregateCall("count", List.of(Literal.of(1)), false, DataTypes.LongType), "count")),
        plan);
    List<Row> rows = sql.engine().collect(QueryExecution.optimized(sql, counting), sql);
    return rows.get(0).getLong(0);
  }

  /** Every row, in partition order. Action: all rows travel to the driver. */
  public List<Row> collectAsList() {
    return sql.engine().collect(QueryExecution.optimized(sql, plan), sql);
  }

  /** Every row as an array. Action. */
  public Row[] collect() {
    return collectAsList().toArray(new Row[0]);
  }

  /** The first {@code n} rows. Action that reads as few partitions as it can. */
  public List<Row> takeAsList(int n) {
    return take(n);
  }

  /** The first {@code n} rows. Action. */
  public List<Row> take(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("The limit expression must be equal to or greater than 0, but got " + n);
    }
    if (n == 0) {
      return List.of();
    }
    return sql.engine().take(QueryExecution.optimized(sql, plan), n, sql);
  }

  /** The first {@code n} rows. Action. */
  public List<Row> head(int n) {
    return take(n);
  }

  /** The first row; fails when there is none. Action. */
  public Row head() {
    List<Row> one = take(1);
    if (one.isEmpty()) {
      throw new java.util.NoSuchElementException("next on empty iterator");
    }
    return one.get(0);
  }

  /** Same as {@link #head()}. */
  public Row first() {
    return head();
  }

  /** True when there is no row. Action. */
  public boolean isEmpty() {
    return take(1).isEmpty();
  }

  // ---------------------------------------------------------------- projections

  /** The named columns ({@code "*"} for all). Lazy. (One name first, as Spark's Java signature.) */
  public DataFrame select(String... cols) {
    return select(columnsOf(cols));
  }

  /** Computes the given columns from each row. Lazy; no shuffle. */
  public DataFrame select(Column... cols) {
    List<Expression> projections = new ArrayList<>();
    for (Column c : cols) {
      if (c.expr() instanceof Star) {
        projections.addAll(plan.output());
        continue;
      }
      projections.add(named(resolve(c.expr())));
    }
    rejectAggregates(projections, "select");
    return derive(new ProjectNode(projections, plan));
  }

  /** All columns plus {@code colName} computed from each row (replacing a column of that name). Lazy. */
  public DataFrame withColumn(String colName, Column col) {
    Expression value = resolve(col.expr());
    rejectAggregates(List.of(value), "withColumn");
    Alias alias = Alias.of(value instanceof Alias a ? a.child() : value, colName);
    List<Expression> projections = new ArrayList<>();
    boolean replaced = false;
    for (AttributeRef a : plan.output()) {
      if (a.name().equalsIgnoreCase(colName)) {
        if (!replaced) {
          projections.add(alias);
          replaced = true;
        }
      } else {
        projections.add(a);
      }
    }
    if (!replaced) {
      projections.add(alias);
    }
    return derive(new ProjectNode(projections, plan));
  }

  /** The same rows with column {@code existing} renamed; a no-op when there is no such column. Lazy. */
  public DataFrame withColumnRenamed(String existing, String newName) {
    boolean found = false;
    List<Expression> projections = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      if (a.name().equalsIgnoreCase(existing)) {
        projections.add(Alias.of(a, newName));
        found = true;
      } else {
        projections.add(a);
      }
    }
    return found ? derive(new ProjectNode(projections, plan)) : this;
  }

  /** The same rows without the named columns (names that don't exist are ignored). Lazy. */
  public DataFrame drop(String... colNames) {
    Set<String> names = Arrays.stream(colNames).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<Expression> kept = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      if (!names.contains(a.name().toLowerCase(Locale.ROOT))) {
        kept.add(a);
      }
    }
    return kept.size() == plan.output().size() ? this : derive(new ProjectNode(kept, plan));
  }

  /** The same rows without the given column. Lazy. */
  public DataFrame drop(Column col) {
    Expression e = col.expr();
    if (e instanceof UnresolvedColumn u) {
      return drop(u.name());
    }
    if (e instanceof AttributeRef a) {
      List<Expression> kept = new ArrayList<>();
      for (AttributeRef x : plan.output()) {
        if (!x.equals(a)) {
          kept.add(x);
        }
      }
      return derive(new ProjectNode(kept, plan));
    }
    return this;
  }

  /** The columns renamed, in order; the count must match. Lazy. */
  public DataFrame toDF(String... colNames) {
    List<AttributeRef> out = plan.output();
    if (colNames.length != out.size()) {
      throw new IllegalArgumentException("The number of columns doesn't match.\nOld column names (" + out.size()
          + "): " + String.join(", ", columns()) + "\nNew column names (" + colNames.length + "): "
          + String.join(", ", colNames));
    }
    List<Expression> projections = new ArrayList<>();
    for (int i = 0; i < colNames.length; i++) {
      AttributeRef a = out.get(i);
      projections.add(a.name().equals(colNames[i]) ? a : Alias.of(a, colNames[i]));
    }
    return derive(new ProjectNode(projections, plan));
  }

  // ---------------------------------------------------------------- filters

  /** The rows for which {@code condition} is true (rows where it is false or null are dropped). Lazy. */
  public DataFrame filter(Column condition) {
    Expression c = resolve(condition.expr());
    rejectAggregates(List.of(c), "filter");
    DataType t = c.dataType();
    if (!t.equals(DataTypes.BooleanType) && !t.equals(DataTypes.NullType)) {
      throw new AnalysisException("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"" + c.sql()
          + "\" due to data type mismatch: Filter expression \"" + c.sql() + "\" of type \"" + t.sql()
          + "\" is not a boolean.");
    }
    return derive(new FilterNode(Cast.implicit(c, DataTypes.BooleanType), plan));
  }

  /** Same as {@link #filter}. */
  public DataFrame where(Column condition) {
    return filter(condition);
  }

  // ---------------------------------------------------------------- aggregation

  /** Groups rows by the named columns, for an aggregation. Lazy. */
  /** All rows as one group: {@code df.groupBy().agg(…)} aggregates the whole DataFrame. Lazy. */
  public GroupedData groupBy() {
    return groupBy(new Column[0]);
  }

  public GroupedData groupBy(String... cols) {
    Column[] columns = new Column[cols.length];
    for (int i = 0; i < cols.length; i++) {
      // As Spark, names are looked up as df.col does (its error lists every column).
      columns[i] = cols[i].equals("*") ? functions.col(cols[i])
          : new Column(Analyzer.resolveColumnName(cols[i], plan.output()));
    }
    return groupBy(columns);
  }

  /** Groups rows by the given expressions, for an aggregation (which exchanges data by group). Lazy. */
  public GroupedData groupBy(Column... cols) {
    List<Expression> named = new ArrayList<>();
    for (Column c : cols) {
      if (c.expr() instanceof Star) {
        named.addAll(plan.output());
      } else {
        named.add(named(resolve(c.expr())));
      }
    }
    rejectAggregates(named, "groupBy");
    return new GroupedData(this, named);
  }

  /** Aggregates over all rows (one result row). Lazy. */
  public DataFrame agg(Column expr, Column... exprs) {
    return groupBy(new Column[0]).agg(expr, exprs);
  }

  // ---------------------------------------------------------------- ordering and limits

  /** Sorts by the given columns (ascending unless {@code desc()}), across partitions. Lazy; exchanges. */
  public DataFrame orderBy(Column... sortExprs) {
    return sortBy(sortExprs, true);
  }

  public DataFrame orderBy(String... sortCols) {
    return orderBy(columnsOf(sortCols));
  }

  /** Same as {@link #orderBy}. */
  public DataFrame sort(Column... sortExprs) {
    return orderBy(sortExprs);
  }

  public DataFrame sort(String... sortCols) {
    return orderBy(sortCols);
  }

  /** Sorts the rows of each partition, without moving rows between partitions. Lazy. */
  public DataFrame sortWithinPartitions(Column... sortExprs) {
    return sortBy(sortExprs, false);
  }

  public DataFrame sortWithinPartitions(String... sortCols) {
    return sortWithinPartitions(columnsOf(sortCols));
  }

  private DataFrame sortBy(Column[] sortExprs, boolean global) {
    List<SortOrder> order = new ArrayList<>();
    for (Column c : sortExprs) {
      Expression e = c.expr() instanceof SortOrder s ? s : SortOrder.asc(c.expr());
      SortOrder resolved;
      try {
        resolved = (SortOrder) resolve(e);
      } catch (AnalysisException notInOutput) {
        resolved = (SortOrder) resolveThroughGrouping(e).orElseThrow(() -> notInOutput);
      }
      if (resolved.child().dataType() instanceof StructType) {
        throw new AnalysisException("Cannot sort by a struct column: " + resolved.child().sql());
      }
      order.add(resolved);
    }
    rejectAggregates(List.copyOf(order), "orderBy");
    return derive(new SortNode(order, global, plan));
  }

  /** The first {@code n} rows. Lazy. */
  public DataFrame limit(int n) {
    return derive(new LimitNode(n, plan));
  }

  // ---------------------------------------------------------------- set operations

  /** The distinct rows. Lazy; exchanges. */
  public DataFrame distinct() {
    return derive(new io.kindling.internal.sql.plan.DistinctNode(plan));
  }

  /** Same as {@link #distinct()}. */
  public DataFrame dropDuplicates() {
    return distinct();
  }

  /** One row for each distinct combination of the named columns (the first one found). Lazy; exchanges. */
  public DataFrame dropDuplicates(String... colNames) {
    if (colNames.length == 0) {
      return distinct();
    }
    List<AttributeRef> keys = new ArrayList<>();
    for (String n : colNames) {
      AttributeRef a = Analyzer.findName(n, plan.output()).orElseThrow(() -> new AnalysisException(
          "Cannot resolve column name \"" + n + "\" among (" + String.join(", ", columns()) + ")."));
      if (!keys.contains(a)) {
        keys.add(a);
      }
    }
    List<Expression> aggregates = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      if (keys.contains(a)) {
        aggregates.add(a);
      } else {
        aggregates.add(new Alias(new AggregateCall("first", List.of(a), false, a.dataType()), a.name(),
            io.kindling.internal.sql.expr.ExprIds.next()));
      }
    }
    return derive(new AggregateNode(List.copyOf(keys), aggregates, plan));
  }

  /** The rows of both, matched by column position (duplicates kept, as SQL's UNION ALL). Lazy; no shuffle. */
  public DataFrame union(DataFrame other) {
    requireSameSession(other);
    List<AttributeRef> l = plan.output();
    List<AttributeRef> r = other.plan.output();
    if (l.size() != r.size()) {
      throw new AnalysisException("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same "
          + "number of columns, but the first input has " + l.size() + " columns and the second input has "
          + r.size() + " columns.");
    }
    List<DataType> types = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      DataType lt = l.get(i).dataType();
      DataType rt = r.get(i).dataType();
      Optional<DataType> w = TypeCoercion.widerType(lt, rt);
      if (w.isEmpty()) {
        throw new AnalysisException("[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on tables with "
            + "compatible column types. The " + ordinal(i + 1) + " column of the second table is \"" + rt.sql()
            + "\" type which is not compatible with \"" + lt.sql() + "\" at the same column of the first table.");
      }
      types.add(w.get());
    }
    LogicalPlan left = castTo(plan, types);
    LogicalPlan right = castTo(other.plan, types);
    if (left.output().stream().anyMatch(right.output()::contains)) {
      right = newInstance(right);
    }
    return derive(new UnionNode(List.of(left, right)));
  }

  /** Same as {@link #union}. */
  public DataFrame unionAll(DataFrame other) {
    return union(other);
  }

  /** The rows of both, matched by column name. Lazy. */
  public DataFrame unionByName(DataFrame other) {
    return unionByName(other, false);
  }

  /** The rows of both, matched by column name; with {@code allowMissingColumns}, missing ones are null. */
  public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
    List<AttributeRef> r = other.plan.output();
    List<Expression> reordered = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      Optional<AttributeRef> match = r.stream().filter(x -> x.name().equalsIgnoreCase(a.name())).findFirst();
      if (match.isPresent()) {
        reordered.add(match.get());
      } else if (allowMissingColumns) {
        reordered.add(Alias.of(new Literal(null, a.dataType()), a.name()));
      } else {
        throw new AnalysisException("[NUM_COLUMNS_MISMATCH] Cannot resolve column name \"" + a.name()
            + "\" among (" + r.stream().map(AttributeRef::name).collect(Collectors.joining(", ")) + ").");
      }
    }
    DataFrame left = this;
    if (allowMissingColumns) {
      List<Expression> extra = new ArrayList<>();
      for (AttributeRef x : r) {
        if (plan.output().stream().noneMatch(a -> a.name().equalsIgnoreCase(x.name()))) {
          reordered.add(x);
          extra.add(Alias.of(new Literal(null, x.dataType()), x.name()));
        }
      }
      if (!extra.isEmpty()) {
        List<Expression> lp = new ArrayList<>(plan.output());
        lp.addAll(extra);
        left = derive(new ProjectNode(lp, plan));
      }
    } else if (r.size() != plan.output().size()) {
      throw new AnalysisException("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same "
          + "number of columns, but the first input has " + plan.output().size()
          + " columns and the second input has " + r.size() + " columns.");
    }
    return left.union(other.derive(new ProjectNode(reordered, other.plan)));
  }

  // ---------------------------------------------------------------- joins

  /** The cross product of the rows. Lazy. */
  public DataFrame join(DataFrame right) {
    return crossJoin(right);
  }

  /** Inner equi-join on a column both sides have; the column appears once in the result. Lazy. */
  public DataFrame join(DataFrame right, String usingColumn) {
    return join(right, List.of(usingColumn), "inner");
  }

  /** Inner equi-join on columns both sides have. Lazy. */
  public DataFrame join(DataFrame right, List<String> usingColumns) {
    return join(right, usingColumns, "inner");
  }

  /**
   * Equi-join on columns both sides have, which appear once in the result (coalesced for a full join). Join
   * types: inner, left, right, full, left_semi, left_anti, cross (and Spark's other spellings). Broadcasts a
   * small side; otherwise exchanges both. Lazy.
   */
  public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
    requireSameSession(right);
    JoinType type = JoinType.parse(joinType);
    LogicalPlan r = dedupe(right.plan);
    List<AttributeRef> leftKeys = new ArrayList<>();
    List<AttributeRef> rightKeys = new ArrayList<>();
    Expression condition = null;
    for (String name : usingColumns) {
      AttributeRef lk = usingKey(name, plan.output(), "left");
      AttributeRef rk = usingKey(name, r.output(), "right");
      leftKeys.add(lk);
      rightKeys.add(rk);
      Expression eq = Analyzer.resolve(new Comparison(Comparison.Op.EQ, lk, rk), joinedOutput(plan, r));
      condition = condition == null ? eq : new And(condition, eq);
    }
    JoinType nodeType = type == JoinType.CROSS ? JoinType.INNER : type;
    JoinNode join = new JoinNode(plan, r, nodeType, condition, JoinNode.Strategy.SHUFFLE);
    List<AttributeRef> out = join.output();
    List<Expression> projections = new ArrayList<>();
    for (int i = 0; i < leftKeys.size(); i++) {
      AttributeRef lk = outputOf(out, leftKeys.get(i));
      AttributeRef rk = type.leftOnly() ? null : outputOf(out, rightKeys.get(i));
      switch (nodeType) {
        case RIGHT_OUTER -> projections.add(rk);
        case FULL_OUTER -> {
          Expression merged = Analyzer.resolve(
              new Call("coalesce", List.of(lk, rk), null, true), out);
          projections.add(Alias.of(merged, lk.name()));
        }
        default -> projections.add(lk);
      }
    }
    for (AttributeRef a : out) {
      if (!leftKeys.contains(a) && !rightKeys.contains(a)) {
        projections.add(a);
      }
    }
    return derive(new ProjectNode(projections, join));
  }

  /** Inner join on a condition (use each side's {@code df.col(…)} for columns both sides have). Lazy. */
  public DataFrame join(DataFrame right, Column joinExprs) {
    return join(right, joinExprs, "inner");
  }

  /** Join of the given type on a condition; all columns of both sides are kept. Lazy. */
  public DataFrame join(DataFrame right, Column joinExprs, String joinType) {
    requireSameSession(right);
    JoinType type = JoinType.parse(joinType);
    LogicalPlan r = dedupe(right.plan);
    Expression condition = Analyzer.resolve(joinExprs.expr(), joinedOutput(plan, r));
    rejectAggregates(List.of(condition), "join");
    if (!condition.dataType().equals(DataTypes.BooleanType)) {
      throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] join condition '" + condition.sql()
          + "' of type " + condition.dataType().sql() + " is not a boolean.");
    }
    return derive(new JoinNode(plan, r, type == JoinType.CROSS ? JoinType.INNER : type, condition,
        JoinNode.Strategy.SHUFFLE));
  }

  /** Every pair of rows of the two sides. Lazy. */
  public DataFrame crossJoin(DataFrame right) {
    requireSameSession(right);
    return derive(new JoinNode(plan, dedupe(right.plan), JoinType.CROSS, null, JoinNode.Strategy.SHUFFLE));
  }

  // ---------------------------------------------------------------- sampling and partitioning

  /** A sample without replacement, each row kept with probability {@code fraction}. Lazy; no shuffle. */
  public DataFrame sample(double fraction, long seed) {
    return sample(false, fraction, seed);
  }

  public DataFrame sample(double fraction) {
    return sample(false, fraction, new java.util.Random().nextLong());
  }

  /** A sample, the same for the same seed and partitioning. Lazy; no shuffle. */
  public DataFrame sample(boolean withReplacement, double fraction, long seed) {
    return derive(new SampleNode(fraction, withReplacement, seed, plan));
  }

  /** Spreads rows evenly over {@code numPartitions} partitions (round robin). Lazy; exchanges. */
  public DataFrame repartition(int numPartitions) {
    return derive(new RepartitionNode(numPartitions, List.of(), true, plan));
  }

  /** Partitions rows by hash of the given columns. Lazy; exchanges. */
  public DataFrame repartition(int numPartitions, Column... partitionExprs) {
    List<Expression> exprs = new ArrayList<>();
    for (Column c : partitionExprs) {
      exprs.add(resolve(c.expr()));
    }
    return derive(new RepartitionNode(numPartitions, exprs, true, plan));
  }

  /** Partitions rows by hash of the given columns into {@code kindling.sql.shuffle.partitions}. Lazy. */
  public DataFrame repartition(Column... partitionExprs) {
    return repartition(sql.settings().shufflePartitions(), partitionExprs);
  }

  /** At most {@code numPartitions} partitions, merging neighbours without an exchange. Lazy. */
  public DataFrame coalesce(int numPartitions) {
    return derive(new RepartitionNode(numPartitions, List.of(), false, plan));
  }

  /** The number of partitions the rows are computed in (may run jobs to settle exchanges). */
  public int numPartitions() {
    return sql.engine().numPartitions(QueryExecution.optimized(sql, plan), sql);
  }

  // ---------------------------------------------------------------- caching

  /** Keeps the column batches in memory once computed; later actions read them. Returns this. */
  public DataFrame cache() {
    return persist(StorageLevel.MEMORY_ONLY);
  }

  /** Same as {@link #cache()}. */
  public DataFrame persist() {
    return cache();
  }

  /** Keeps the column batches at {@code level} once computed. Returns this. */
  public DataFrame persist(StorageLevel level) {
    requireNonNull(level, "level is null");
    if (level != StorageLevel.NONE) {
      sql.cache(plan, level);
    }
    return this;
  }

  /** Drops the cached batches. Returns this. */
  public DataFrame unpersist() {
    sql.uncache(plan);
    return this;
  }

  public DataFrame unpersist(boolean blocking) {
    return unpersist();
  }

  /** The storage level this DataFrame is cached at, or {@code NONE}. */
  public StorageLevel storageLevel() {
    var entry = sql.cached(plan);
    return entry == null ? StorageLevel.NONE : entry.level();
  }

  // ---------------------------------------------------------------- bridges

  /** The rows as an RDD (computed from the optimized plan when an action runs on it). */
  public RDD<Row> rdd() {
    LineageNode<Row> rows = sql.engine().toRows(QueryExecution.optimized(sql, plan), sql);
    return new RDD<>(sql.session(), rows);
  }

  /** Same as {@link #rdd()}. */
  public RDD<Row> javaRDD() {
    return rdd();
  }

  /** Registers this DataFrame as a temporary view named {@code viewName}, for {@code sql(…)}. */
  public void createOrReplaceTempView(String viewName) {
    sql.views().put(requireNonNull(viewName, "viewName is null").toLowerCase(Locale.ROOT), plan);
  }

  /** Writes the rows as files. */
  public DataFrameWriter write() {
    return new DataFrameWriter(this);
  }

  /** Drops and fills null values. */
  public DataFrameNaFunctions na() {
    return new DataFrameNaFunctions(this);
  }

  // ---------------------------------------------------------------- describe and explain

  /**
   * Statistics of the numeric and string columns among those named (all when none is): count, mean, stddev,
   * min, max, as strings; a string column's mean and stddev are those of its values read as numbers. Runs one
   * aggregation job when called.
   */
  public DataFrame describe(String... cols) {
    List<AttributeRef> named = new ArrayList<>();
    if (cols.length == 0) {
      named.addAll(plan.output());
    } else {
      for (String c : cols) {
        named.add(Analyzer.resolveName(c, plan.output()));
      }
    }
    // As Spark, only numeric and string columns are described, even when named.
    List<AttributeRef> targets = new ArrayList<>();
    for (AttributeRef a : named) {
      if (a.dataType().isNumeric() || a.dataType().equals(DataTypes.StringType)) {
        targets.add(a);
      }
    }
    String[] stats = {"count", "mean", "stddev", "min", "max"};
    List<Column> aggs = new ArrayList<>();
    for (AttributeRef a : targets) {
      Column c = new Column(a);
      // A string column's mean and stddev are those of its values read as numbers (null when none is).
      Column asNumber = a.dataType().isNumeric() ? c : c.cast(DataTypes.DoubleType);
      aggs.add(functions.count(c));
      aggs.add(functions.avg(asNumber));
      aggs.add(functions.stddev(asNumber));
      aggs.add(functions.min(c));
      aggs.add(functions.max(c));
    }
    List<Row> result = aggs.isEmpty() ? List.of(Row.of())
        : agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).collectAsList();
    Row r = result.get(0);
    List<AttributeRef> schema = new ArrayList<>();
    schema.add(AttributeRef.of("summary", DataTypes.StringType, true));
    for (AttributeRef a : targets) {
      schema.add(AttributeRef.of(a.name(), DataTypes.StringType, true));
    }
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < stats.length; s++) {
      Object[] values = new Object[targets.size() + 1];
      values[0] = stats[s];
      for (int i = 0; i < targets.size(); i++) {
        Object v = r.get(i * stats.length + s);
        DataType t = s == 0 ? DataTypes.LongType : s <= 2 ? DataTypes.DoubleType : targets.get(i).dataType();
        values[i + 1] = v == null ? null : Values.toDisplayString(v, t);
      }
      rows.add(Row.wrap(values, null));
    }
    return derive(new LocalRelationNode(schema, rows));
  }

  /** Prints the optimized logical plan and the physical plan. */
  public void explain() {
    System.out.println(explainString(false));
  }

  /** With {@code extended}, prints the analyzed plan too. */
  public void explain(boolean extended) {
    System.out.println(explainString(extended));
  }

  /** The text {@code explain(extended)} prints. */
  public String explainString(boolean extended) {
    LogicalPlan optimized = QueryExecution.optimized(sql, plan);
    StringBuilder sb = new StringBuilder();
    if (extended) {
      sb.append("== Analyzed Logical Plan ==\n");
      sb.append(plan.output().stream().map(a -> a.name() + ": " + a.dataType().simpleString())
          .collect(Collectors.joining(", "))).append('\n');
      sb.append(plan.treeString()).append('\n');
    }
    sb.append("== Optimized Logical Plan ==\n").append(optimized.treeString()).append('\n');
    sb.append("== Physical Plan ==\n").append(sql.engine().explainPhysical(optimized, sql));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "[" + firstFields(plan.output().stream().map(a -> a.name() + ": " + shortTypeString(a.dataType()))
        .toList()) + "]";
  }

  /** The first two of {@code fields}, then how many more there are ({@code a: int ... 1 more field}). */
  private static String firstFields(List<String> fields) {
    int more = fields.size() - TO_STRING_FIELDS;
    return String.join(", ", fields.subList(0, Math.min(fields.size(), TO_STRING_FIELDS)))
        + (more <= 0 ? "" : " ... " + more + (more == 1 ? " more field" : " more fields"));
  }

  /** A type as Spark's {@code toString} shows it: a struct with at most two fields' worth of text. */
  private static String shortTypeString(DataType type) {
    if (!(type instanceof StructType struct)) {
      return type.simpleString();
    }
    return "struct<" + firstFields(Arrays.stream(struct.fields())
        .map(f -> f.name() + ": " + shortTypeString(f.dataType())).toList()) + ">";
  }

  // ---------------------------------------------------------------- helpers

  /** This DataFrame with nulls of {@code targets} replaced by {@code value} (cast to each column's type). */
  DataFrame fillColumns(List<AttributeRef> targets, Literal value) {
    if (targets.isEmpty()) {
      return this;
    }
    List<Expression> projections = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      projections.add(targets.contains(a) ? DataFrameNaFunctions.filled(a, value) : a);
    }
    return derive(new ProjectNode(projections, plan));
  }

  DataFrame withBroadcastHint() {
    return derive(new BroadcastHintNode(plan));
  }

  Expression resolve(Expression e) {
    return Analyzer.resolve(e, plan.output());
  }

  /**
   * A sort expression over an aggregation that names its grouping expressions rather than its output columns
   * ({@code groupBy(upper(col("k"))).count().orderBy(upper(col("k")))}), resolved to those columns as Spark
   * does; empty when it reads anything else of the aggregation's input.
   */
  private Optional<Expression> resolveThroughGrouping(Expression e) {
    if (!(plan instanceof AggregateNode agg)) {
      return Optional.empty();
    }
    Expression overInput;
    try {
      overInput = Analyzer.resolve(e, agg.child().output());
    } catch (AnalysisException unknown) {
      return Optional.empty();
    }
    Map<Expression, Expression> groupingColumns = new HashMap<>();
    for (Expression a : agg.aggregates()) {
      Expression inner = a instanceof Alias alias ? alias.child() : a;
      if (agg.groupings().contains(inner)) {
        groupingColumns.putIfAbsent(inner, ProjectNode.toAttribute(a));
      }
    }
    Expression rewritten = overInput.transformDown(x -> groupingColumns.getOrDefault(x, x));
    return plan.output().containsAll(rewritten.references()) ? Optional.of(rewritten) : Optional.empty();
  }

  /** A named form of a resolved expression: itself when it is a column or alias, else aliased as Spark names it. */
  static Expression named(Expression e) {
    if (e instanceof AttributeRef || e instanceof Alias) {
      return e;
    }
    String castName = castColumnName(e);
    return Alias.of(e, castName != null ? castName : e.sql());
  }

  /**
   * As Spark, casts the user wrote around a column or alias (any number: {@code CAST(CAST(d AS FLOAT) AS STRING)})
   * keep the column's name; null when {@code e} is not such a cast.
   */
  private static String castColumnName(Expression e) {
    if (!(e instanceof Cast)) {
      return null;
    }
    Expression inner = e;
    while (inner instanceof Cast c && c.userSpecified()) {
      inner = c.child();
    }
    return inner instanceof AttributeRef a ? a.name() : inner instanceof Alias alias ? alias.name() : null;
  }

  static void rejectAggregates(List<Expression> exprs, String operation) {
    for (Expression e : exprs) {
      if (e.exists(x -> x instanceof AggregateCall)) {
        throw new AnalysisException("[UNSUPPORTED_EXPR_FOR_OPERATOR] Aggregate functions are not allowed in "
            + operation + "(): " + e.sql() + ". Use groupBy(…).agg(…) or agg(…).");
      }
    }
  }

  private static Column[] columnsOf(String[] names) {
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = functions.col(names[i]);
    }
    return cols;
  }

  private void requireSameSession(DataFrame other) {
    if (other.sql != sql) {
      throw new IllegalArgumentException("DataFrames of different sessions can't be combined");
    }
  }

  private static List<AttributeRef> joinedOutput(LogicalPlan l, LogicalPlan r) {
    List<AttributeRef> all = new ArrayList<>(l.output());
    all.addAll(r.output());
    return all;
  }

  private static AttributeRef usingKey(String name, List<AttributeRef> side, String which) {
    List<AttributeRef> matches = side.stream().filter(a -> a.name().equalsIgnoreCase(name)).toList();
    if (matches.isEmpty()) {
      throw new AnalysisException("[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + name + "` cannot be "
          + "resolved on the " + which + " side of the join. The " + which + "-side columns: ["
          + side.stream().map(AttributeRef::name).collect(Collectors.joining(", ")) + "].");
    }
    return matches.get(0);
  }

  private static AttributeRef outputOf(List<AttributeRef> out, AttributeRef a) {
    for (AttributeRef o : out) {
      if (o.equals(a)) {
        return o;
      }
    }
    return a;
  }

  /** The right side of a join, with fresh column ids when it shares some with this side (a self-join). */
  private LogicalPlan dedupe(LogicalPlan right) {
    Set<AttributeRef> left = new LinkedHashSet<>(plan.output());
    for (AttributeRef a : right.output()) {
      if (left.contains(a)) {
        return newInstance(right);
      }
    }
    return right;
  }

  private static LogicalPlan newInstance(LogicalPlan p) {
    List<Expression> projections = new ArrayList<>();
    for (AttributeRef a : p.output()) {
      projections.add(Alias.of(a, a.name()));
    }
    return new ProjectNode(projections, p);
  }

  private static LogicalPlan castTo(LogicalPlan p, List<DataType> types) {
    List<AttributeRef> out = p.output();
    boolean same = true;
    for (int i = 0; i < out.size(); i++) {
      same &= out.get(i).dataType().equals(types.get(i));
    }
    if (same) {
      return p;
    }
    List<Expression> projections = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      AttributeRef a = out.get(i);
      projections.add(a.dataType().equals(types.get(i)) ? a : Alias.of(Cast.implicit(a, types.get(i)), a.name()));
    }
    return new ProjectNode(projections, p);
  }

  private static String ordinal(int i) {
    return switch (i) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      default -> i + "th";
    };
  }
}
