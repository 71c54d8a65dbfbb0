package io.kindling.chaos;

import java.util.Locale;

/**
 * A replayable random fault plan: at each opportunity (a task attempt starting, a cached block being read, a
 * shuffle being read) a fault of a kind that fits the opportunity fires with probability {@link #rate()}. The
 * choice depends only on the seed and on what the opportunity is (job, stage, dataset, partition, attempt), not
 * on timing, so running the same program with the same seed injects the same faults: print the schedule when a
 * run fails and replay it.
 *
 * <p>Faults of a random schedule are always recoverable: an attempt is never failed on purpose when it is the
 * last one allowed, an actor that was already restarted is not killed again by the schedule, and shuffle outputs
 * are dropped at one read per stage of a job (so a stage fails on missing map outputs at most once).
 *
 * @param seed the seed every choice derives from
 * @param rate the probability, in [0, 1], that an opportunity gets a fault
 */
public record FaultSchedule(long seed, double rate) {

  public FaultSchedule {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
    }
  }

  /** Random faults of every kind at {@code rate}, replayable from {@code seed}. */
  public static FaultSchedule random(long seed, double rate) {
    return new FaultSchedule(seed, rate);
  }

  /**
   * A number in [0, 1) that depends only on the seed and {@code opportunity}: the same opportunity always
   * draws the same number.
   */
  public double draw(long... opportunity) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (long part : opportunity) {
      h = mix(h ^ mix(part + 0x9E3779B97F4A7C15L));
    }
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    // SplitMix64's finalizer: every input bit affects every output bit.
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@code FaultSchedule.random(42, 0.2)}: the call that replays this schedule. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FaultSchedule.random(%dL, %s)", seed, Double.toString(rate));
  }
}
