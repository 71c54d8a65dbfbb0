package io.kindling.spi;

import io.kindling.internal.lineage.PartitionFunction;

/**
 * An output directory being written: each partition writes one part file into a temporary directory, and
 * {@link #commit()} renames the whole directory into place, so readers never see a partial result.
 */
public interface TextOutput {

  /** Writes one partition's elements, one {@code toString()} a line, as {@code part-NNNNN}. */
  PartitionFunction<Object, Long> partWriter();

  /** Marks success ({@code _SUCCESS}) and moves the finished directory to the target path. */
  void commit();

  /** Removes everything written; the target path is left as it was. */
  void abort();
}
