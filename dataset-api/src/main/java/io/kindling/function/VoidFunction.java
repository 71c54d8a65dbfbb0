package io.kindling.function;

import java.io.Serializable;

/**
 * A function called for its side effect: foreach, foreachPartition.
 *
 * <p>Serializable, so a lambda passed to the API can be shipped to the nodes that run it; everything it
 * captures must be serializable too, or the action fails with "Task not serializable".
 */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
  void call(T t) throws Exception;
}
