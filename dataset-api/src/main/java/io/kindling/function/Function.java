package io.kindling.function;

import java.io.Serializable;

/**
 * A function of one argument: map, filter (returning Boolean), keyBy.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
  R call(T t) throws Exception;
}
