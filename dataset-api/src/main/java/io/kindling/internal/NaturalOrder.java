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
