package io.kindling.internal.sql.plan;

import io.kindling.sql.AnalysisException;
import java.util.Locale;

/** The kinds of join, with the names {@code join(…, joinType)} accepts, as Spark's. */
public enum JoinType {
  INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
  LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

  private final String planName;

  JoinType(String planName) {
    this.planName = planName;
  }

  public String planName() {
    return planName;
  }

  /** Parses Spark's names: inner, cross, outer/full/fullouter/full_outer, left/leftouter/left_outer, … */
  public static JoinType parse(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("_", "");
    return switch (n) {
      case "inner" -> INNER;
      case "outer", "full", "fullouter" -> FULL_OUTER;
      case "leftouter", "left" -> LEFT_OUTER;
      case "rightouter", "right" -> RIGHT_OUTER;
      case "leftsemi", "semi" -> LEFT_SEMI;
      case "leftanti", "anti" -> LEFT_ANTI;
      case "cross" -> CROSS;
      default -> throw new AnalysisException("[UNSUPPORTED_JOIN_TYPE] Unsupported join type '" + name
          + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', "
          + "'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', "
          + "'leftanti', 'left_anti', 'anti', 'cross'.");
    };
  }

  /** True when rows of the left side without a match are kept (with nulls on the right). */
  public boolean keepsUnmatchedLeft() {
    return this == LEFT_OUTER || this == FULL_OUTER;
  }

  public boolean keepsUnmatchedRight() {
    return this == RIGHT_OUTER || this == FULL_OUTER;
  }

  /** Semi and anti joins output only the left side's columns. */
  public boolean leftOnly() {
    return this == LEFT_SEMI || this == LEFT_ANTI;
  }
}
