package io.kindling.chaos;

/** The kinds of fault {@link Faults} can inject; reported in {@code JobListener.FaultInjected}. */
public enum FaultKind {
  /** The actor owning a partition (a cached block's owner, or the one computing it) crashed. */
  KILL_PARTITION_ACTOR,
  /** A cached block disappeared. */
  DROP_CACHED_BLOCK,
  /** A cached block failed its checksum. */
  CORRUPT_CACHED_BLOCK,
  /** One map output of a shuffle disappeared. */
  DROP_SHUFFLE_OUTPUT,
  /** An attempt of a partition threw. */
  FAIL_ATTEMPT,
  /** A partition was slowed down. */
  DELAY,
  /** A worker JVM was killed (cluster mode). */
  KILL_NODE,
  /** A network link was cut (cluster mode). */
  PARTITION_NETWORK
}
