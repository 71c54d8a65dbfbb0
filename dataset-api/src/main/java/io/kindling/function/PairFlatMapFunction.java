package io.kindling.function;

import java.io.Serializable;

/**
 * A function from an element to zero or more key-value pairs: flatMapToPair.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
  java.util.Iterator<io.kindling.Tuple2<K, V>> call(T t) throws Exception;
}
