package io.kindling.hadoop.parquet;

import io.kindling.engine.format.DateTimes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Converts between instants (what Parquet's UTC-adjusted timestamps store) and Kindling's timestamps, which are
 * local date-times in the session zone ("local micros", {@link DateTimes}).
 */
final class Zones {
  private final ZoneId zone;
  private final boolean utc;

  Zones(ZoneId zone) {
    this.zone = zone;
    this.utc = zone.normalized().equals(ZoneOffset.UTC);
  }

  long instantToLocal(long epochMicros) {
    if (utc) {
      return epochMicros;
    }
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    return epochMicros + offset * 1_000_000L;
  }

  long localToInstant(long localMicros) {
    if (utc) {
      return localMicros;
    }
    LocalDateTime local = DateTimes.toLocalDateTime(localMicros);
    Instant instant = local.atZone(zone).toInstant();
    return Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1000;
  }
}
