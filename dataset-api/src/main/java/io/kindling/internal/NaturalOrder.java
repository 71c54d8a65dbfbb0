package io.kindling.internal;

import java.util.Comparator;

/**
 * Natural order ({@link Comparable}) as a serializable singleton, so it ships with lineage and partitioners
 * that use it compare equal.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public enum NaturalOrder implements Comparator<Object> {
  INSTANCE;

  /** Natural order, typed for the caller. */
  public static <T> Comparator<T> get() {
    return (Comparator<T>) (Comparator) INSTANCE;
  }

  @Override
  public int compare(Object a, Object b) {
    if (!(a instanceof Comparable)) {
      throw new ClassCastException("Cannot sort by natural order: " + (a == null ? "null key"
          : a.getClass().getName() + " is not Comparable") + "; pass a Comparator");
    }
    return ((Comparable) a).compareTo(b);
  }
}
