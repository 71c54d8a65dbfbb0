package io.kindling.storage;

/**
 * Where a persisted dataset's partitions are kept. Set with {@code rdd.persist(level)}; {@code cache()} is
 * {@link #MEMORY_ONLY}.
 */
public enum StorageLevel {
  /** Not persisted: recomputed from lineage whenever needed. */
  NONE(false, false, false, "[]"),
  /** Deserialized objects on the JVM heap of the node that computed them: fastest to re-read. */
  MEMORY_ONLY(true, false, false, "[Memory Deserialized 1x Replicated]"),
  /** Serialized chunks in the node's off-heap Chronicle Map block store. */
  OFF_HEAP(false, true, false, "[Off Heap Serialized 1x Replicated]"),
  /** Serialized chunks in a memory-mapped Chronicle Map that may grow past RAM. */
  MEMORY_AND_DISK(true, true, true, "[Disk Memory Serialized 1x Replicated]"),
  /** Serialized chunks on the node's local disk only. */
  DISK_ONLY(false, false, true, "[Disk Serialized 1x Replicated]");

  private final boolean useMemory;
  private final boolean useOffHeap;
  private final boolean useDisk;
  private final String description;

  StorageLevel(boolean useMemory, boolean useOffHeap, boolean useDisk, String description) {
    this.useMemory = useMemory;
    this.useOffHeap = useOffHeap;
    this.useDisk = useDisk;
    this.description = description;
  }

  public boolean useMemory() {
    return useMemory;
  }

  public boolean useOffHeap() {
    return useOffHeap;
  }

  public boolean useDisk() {
    return useDisk;
  }

  /** The bracketed text {@code toDebugString()} prints after each dataset, as Spark prints it. */
  public String debugDescription() {
    return description;
  }
}
