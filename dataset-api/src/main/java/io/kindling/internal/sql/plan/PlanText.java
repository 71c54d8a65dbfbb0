package io.kindling.internal.sql.plan;

import java.util.List;
import java.util.function.Function;

/** Draws trees the way Spark prints plans. */
public final class PlanText {
  private PlanText() {}

  /** Appends {@code node} and its children, each a line, children under {@code +-} (last) or {@code :-}. */
  public static <N> void append(StringBuilder sb, N node, String firstPrefix, String restPrefix,
      Function<N, List<N>> children, Function<N, String> line) {
    sb.append(firstPrefix).append(line.apply(node)).append('\n');
    List<N> kids = children.apply(node);
    for (int i = 0; i < kids.size(); i++) {
      boolean last = i == kids.size() - 1;
      append(sb, kids.get(i), restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "),
          children, line);
    }
  }
}
