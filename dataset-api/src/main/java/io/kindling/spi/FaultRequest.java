package io.kindling.spi;

import io.kindling.chaos.FaultKind;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** One fault asked for through {@code session.faults()}, by dataset id and partition. */
public sealed interface FaultRequest extends Serializable {

  FaultKind kind();

  /** The dataset the fault targets. */
  int rddId();

  /** The partition the fault targets (the map partition, for a shuffle output). */
  int partition();

  /** Crash the actor that owns (or computes) the partition. */
  record KillPartitionActor(int rddId, int partition) implements FaultRequest {
    @Override
    public FaultKind kind() {
      return FaultKind.KILL_PARTITION_ACTOR;
    }
  }

  /** Remove the cached block of the partition. */
  record DropCachedBlock(int rddId, int partition) implements FaultRequest {
    @Override
    public FaultKind kind() {
      return FaultKind.DROP_CACHED_BLOCK;
    }
  }

  /** Damage the cached block of the partition so that it fails its checksum. */
  record CorruptCachedBlock(int rddId, int partition) implements FaultRequest {
    @Override
    public FaultKind kind() {
      return FaultKind.CORRUPT_CACHED_BLOCK;
    }
  }

  /** Remove map output {@code partition} of shuffle {@code shuffleId}, which feeds dataset {@code rddId}. */
  record DropShuffleOutput(int rddId, int shuffleId, int partition) implements FaultRequest {
    @Override
    public FaultKind kind() {
      return FaultKind.DROP_SHUFFLE_OUTPUT;
    }
  }

  /** Make the next {@code attempts} attempts that compute the partition throw. */
  record FailAttempts(int rddId, int partition, int attempts) implements FaultRequest {
    public FailAttempts {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be positive: " + attempts);
      }
    }

    @Override
    public FaultKind kind() {
      return FaultKind.FAIL_ATTEMPT;
    }
  }

  /** Make the next computation of the partition wait {@code delay} first. */
  record Delay(int rddId, int partition, Duration delay) implements FaultRequest {
    public Delay {
      Objects.requireNonNull(delay, "delay is null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
    }

    @Override
    public FaultKind kind() {
      return FaultKind.DELAY;
    }
  }
}
