package io.kindling.function;

import java.io.Serializable;

/**
 * A function from one element to zero or more: flatMap, mapPartitions.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
  java.util.Iterator<R> call(T t) throws Exception;
}
