package io.kindling;

import java.io.Serializable;

/**
 * A pair, as produced by {@code mapToPair} and consumed by the {@link io.kindling.rdd.PairRDD} operations.
 * Equality and hashing are by value; either element may be null.
 */
public record Tuple2<A, B>(A _1, B _2) implements Serializable {

  /** Makes a pair. */
  public static <A, B> Tuple2<A, B> of(A first, B second) {
    return new Tuple2<>(first, second);
  }

  /** Spark's text form, {@code (a,b)}, which {@code saveAsTextFile} writes. */
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + ")";
  }
}
