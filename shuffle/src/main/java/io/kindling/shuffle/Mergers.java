package io.kindling.shuffle;

import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.UserCodeException;
import io.kindling.shuffle.external.Merger;

/** The {@link Merger}s of a shuffle's aggregator, calling the user's functions. */
final class Mergers {
  private Mergers() {}

  /** Values fold into combiners: map-side combine, or a reduce side reading uncombined values. */
  static <V, C> Merger<V, C> ofValues(Aggregator<V, C> aggregator) {
    return new Merger<>() {
      @Override
      public C first(V value) {
        try {
          return aggregator.createCombiner().call(value);
        } catch (Exception e) {
          throw UserCodeException.wrap(e);
        }
      }

      @Override
      public C add(C combiner, V value) {
        try {
          return aggregator.mergeValue().call(combiner, value);
        } catch (Exception e) {
          throw UserCodeException.wrap(e);
        }
      }

      @Override
      public C merge(C a, C b) {
        return mergeCombiners(aggregator, a, b);
      }
    };
  }

  /** Combiners fold together: a reduce side reading map-side-combined outputs. */
  static <C> Merger<C, C> ofCombiners(Aggregator<?, C> aggregator) {
    return new Merger<>() {
      @Override
      public C first(C value) {
        return value;
      }

      @Override
      public C add(C combiner, C value) {
        return mergeCombiners(aggregator, combiner, value);
      }

      @Override
      public C merge(C a, C b) {
        return mergeCombiners(aggregator, a, b);
      }
    };
  }

  private static <C> C mergeCombiners(Aggregator<?, C> aggregator, C a, C b) {
    try {
      return aggregator.mergeCombiners().call(a, b);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }
}
