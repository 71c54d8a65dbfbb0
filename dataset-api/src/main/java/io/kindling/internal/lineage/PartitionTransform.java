package io.kindling.internal.lineage;

import java.io.Serializable;
import java.util.Iterator;

/** A narrow transformation of one partition's elements: the body of every map-like lineage node. */
@FunctionalInterface
public interface PartitionTransform<T, R> extends Serializable {
  Iterator<R> apply(int partition, Iterator<T> input) throws Exception;
}
