package io.kindling.function;

import java.io.Serializable;

/**
 * A function of two arguments: reduce, fold, aggregate, mapPartitionsWithIndex.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
  R call(T1 t1, T2 t2) throws Exception;
}
