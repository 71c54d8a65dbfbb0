package io.kindling.internal.sql;

import com.typesafe.config.Config;
import java.util.Locale;

/**
 * The DataFrame settings of {@code kindling.sql} (Spark's {@code spark.sql.*} names where they exist).
 *
 * @param autoBroadcastJoinThreshold join sides estimated below this many bytes are broadcast; -1 disables
 * @param shufflePartitions partitions of aggregation and join exchanges
 * @param adaptive whether exchanges use fewer partitions when the estimated data is small (as Spark's AQE)
 * @param advisoryPartitionBytes the size an adaptive exchange aims for per partition
 * @param batchRows rows per column batch
 * @param sortSpillRows rows a sort holds in memory before it spills a sorted run to disk
 */
public record SqlSettings(long autoBroadcastJoinThreshold, int shufflePartitions, boolean adaptive,
    long advisoryPartitionBytes, int batchRows, long sortSpillRows) {

  public SqlSettings {
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException("kindling.sql.shuffle.partitions must be positive: " + shufflePartitions);
    }
    if (batchRows < 1) {
      throw new IllegalArgumentException("kindling.sql.batch-rows must be positive: " + batchRows);
    }
  }

  public static SqlSettings from(Config config) {
    Config c = config.getConfig("kindling.sql");
    return new SqlSettings(
        parseBytes(c.getString("autoBroadcastJoinThreshold"), "kindling.sql.autoBroadcastJoinThreshold"),
        c.getInt("shuffle.partitions"),
        c.getBoolean("adaptive.enabled"),
        parseBytes(c.getString("adaptive.advisoryPartitionSizeInBytes"),
            "kindling.sql.adaptive.advisoryPartitionSizeInBytes"),
        c.getInt("batch-rows"),
        c.getLong("sort.spill-rows"));
  }

  /** {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 1g}, {@code -1}. */
  static long parseBytes(String value, String key) {
    String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (v.endsWith("b")) {
      v = v.substring(0, v.length() - 1);
    }
    long unit = 1;
    if (!v.isEmpty()) {
      switch (v.charAt(v.length() - 1)) {
        case 'k' -> unit = 1L << 10;
        case 'm' -> unit = 1L << 20;
        case 'g' -> unit = 1L << 30;
        case 't' -> unit = 1L << 40;
        default -> unit = 1;
      }
      if (unit != 1) {
        v = v.substring(0, v.length() - 1);
      }
    }
    try {
      return Long.parseLong(v) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a size in bytes such as 10485760, 10m or -1: " + value, e);
    }
  }
}
