package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads files. {@code dataColumns} and {@code partitionColumns} are every column the source has;
 * {@code output} the ones the plan needs (column pruning narrows it); {@code filters} are predicates the
 * scan applies itself (filter push-down), partition-column ones by skipping whole files.
 */
public record FileScanNode(FileSource source, List<AttributeRef> dataColumns, List<AttributeRef> partitionColumns,
    List<AttributeRef> output, List<Expression> filters) implements LogicalPlan {

  public FileScanNode {
    requireNonNull(source, "source is null");
    dataColumns = List.copyOf(dataColumns);
    partitionColumns = List.copyOf(partitionColumns);
    output = List.copyOf(output);
    filters = List.copyOf(filters);
  }

  /** Every column of the source, data columns first. */
  public List<AttributeRef> allColumns() {
    List<AttributeRef> all = new ArrayList<>(dataColumns);
    all.addAll(partitionColumns);
    return all;
  }

  public FileScanNode withOutput(List<AttributeRef> newOutput) {
    return new FileScanNode(source, dataColumns, partitionColumns, newOutput, filters);
  }

  public FileScanNode withFilters(List<Expression> newFilters) {
    return new FileScanNode(source, dataColumns, partitionColumns, output, newFilters);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return this;
  }

  @Override
  public List<Expression> expressions() {
    return filters;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return withFilters(expressions);
  }

  @Override
  public String nodeName() {
    return "Relation";
  }

  @Override
  public String argString() {
    String cols = output.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"));
    return cols + " " + source.format()
        + (filters.isEmpty() ? "" : ", PushedFilters: " + LogicalPlan.list(filters));
  }

  @Override
  public long sizeInBytes() {
    return source.sizeInBytes();
  }
}
