package io.kindling.internal.lineage;

import java.io.Serializable;
import java.util.Iterator;

/** What an action does with each partition it runs on, producing one result per partition for the driver. */
@FunctionalInterface
public interface PartitionFunction<T, U> extends Serializable {
  U apply(TaskContext context, Iterator<T> partition) throws Exception;
}
