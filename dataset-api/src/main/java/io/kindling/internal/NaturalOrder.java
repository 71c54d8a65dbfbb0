package io.kindling.internal;

import java.util.Comparator;

/**
 * Natural order ({@link Comparable}) and its reverse as serializable singletons, so they ship with lineage,
 * partitioners that use them compare equal, and the shuffle can recognise them (to sort primitive keys fast).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public enum NaturalOrder implements Comparator<Object> {
  ASCENDING,
  DESCENDING;

  /** Natural order, typed for the caller. */
  public static <T> Comparator<T> get() {
    return (Comparator<T>) (Comparator) ASCENDING;
  }

  /**
   * {@code d} as a long whose signed order is {@link Double#compare}'s, the natural order of Doubles (-0.0 before
   * 0.0, NaN last), so that sorts and searches over Double keys can compare longs; {@link #doubleOf} undoes it.
   */
  public static long sortableDouble(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The double that {@link #sortableDouble} turned into {@code sortable}. */
  public static double doubleOf(long sortable) {
    return Double.longBitsToDouble(sortable ^ ((sortable >> 63) & Long.MAX_VALUE));
  }

  @Override
  public int compare(Object a, Object b) {
    if (!(a instanceof Comparable)) {
      throw new ClassCastException("Cannot sort by natural order: " + (a == null ? "null key"
          : a.getClass().getName() + " is not Comparable") + "; pass a Comparator");
    }
    int c = ((Comparable) a).compareTo(b);
    return this == ASCENDING ? c : -Integer.signum(c);
  }

  @Override
  public Comparator<Object> reversed() {
    return this == ASCENDING ? DESCENDING : ASCENDING;
  }
}
