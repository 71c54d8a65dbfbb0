package io.kindling.function;

import java.io.Serializable;

/**
 * A function from an element to a key-value pair: mapToPair.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
  io.kindling.Tuple2<K, V> call(T t) throws Exception;
}
