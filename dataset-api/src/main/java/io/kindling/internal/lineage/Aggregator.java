package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.function.Function;
import io.kindling.function.Function2;
import java.io.Serializable;

/** The three functions of a combine-by-key: start a combiner, fold a value in, merge two combiners. */
public record Aggregator<V, C>(
    Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners)
    implements Serializable {

  public Aggregator {
    requireNonNull(createCombiner, "createCombiner is null");
    requireNonNull(mergeValue, "mergeValue is null");
    requireNonNull(mergeCombiners, "mergeCombiners is null");
  }
}
