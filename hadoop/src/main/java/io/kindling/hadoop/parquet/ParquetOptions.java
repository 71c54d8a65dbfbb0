package io.kindling.hadoop.parquet;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet options as Spark names them: {@code compression} (or {@code parquet.compression}): snappy (the
 * default), zstd, gzip, lz4_raw, none / uncompressed; {@code mergeSchema} (false by default, as Spark's
 * {@code spark.sql.parquet.mergeSchema}); {@code outputTimestampType}: INT96 (Spark's default),
 * TIMESTAMP_MICROS or TIMESTAMP_MILLIS; {@code timeZone} (the session zone timestamps are shown in; the JVM's by
 * default); {@code parquet.block.size} (row group bytes, 128 MiB) and {@code parquet.page.size} (1 MiB).
 */
public record ParquetOptions(CompressionCodecName codec, boolean mergeSchema,
    ParquetSchemas.TimestampEncoding timestamps, ZoneId zone, long rowGroupBytes, int pageBytes)
    implements Serializable {

  public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;
  public static final int DEFAULT_PAGE_BYTES = 1 << 20;

  public ParquetOptions {
    if (rowGroupBytes < 1 || pageBytes < 1) {
      throw new KindlingException("parquet.block.size and parquet.page.size must be positive: " + rowGroupBytes
          + ", " + pageBytes);
    }
  }

  public static ParquetOptions from(FormatOptions options) {
    String codec = options.getAny("compression", "parquet.compression").orElse("snappy");
    String ts = options.get("outputTimestampType", "INT96");
    ParquetSchemas.TimestampEncoding encoding;
    try {
      encoding = ParquetSchemas.TimestampEncoding.valueOf(ts.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new KindlingException("The value of outputTimestampType should be one of INT96, TIMESTAMP_MICROS, "
          + "TIMESTAMP_MILLIS, but was " + ts);
    }
    ZoneId zone;
    try {
      zone = options.get("timeZone").map(z -> ZoneId.of(z, ZoneId.SHORT_IDS)).orElse(ZoneId.systemDefault());
    } catch (java.time.DateTimeException e) {
      throw new KindlingException("Invalid timeZone option '" + options.get("timeZone").orElse("") + "': "
          + e.getMessage());
    }
    long block = options.get("parquet.block.size").map(v -> parseLong("parquet.block.size", v))
        .orElse(DEFAULT_ROW_GROUP_BYTES);
    int page = options.getInt("parquet.page.size", DEFAULT_PAGE_BYTES);
    return new ParquetOptions(codec(codec), options.getBoolean("mergeSchema", false), encoding, zone, block, page);
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new KindlingException(name + " should be an integer. Found '" + v + "'");
    }
  }

  static CompressionCodecName codec(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      case "zstd" -> CompressionCodecName.ZSTD;
      case "lz4_raw" -> CompressionCodecName.LZ4_RAW;
      case "lzo", "brotli", "lz4" -> throw new KindlingException("The Parquet compression codec '" + name
          + "' is not supported by Kindling; use snappy, zstd, gzip, lz4_raw or none");
      default -> throw new KindlingException("Codec [" + name + "] is not available. Available codecs are brotli, "
          + "uncompressed, lz4, gzip, lzo, snappy, none, zstd, lz4_raw.");
    };
  }

  /** Spark's part file suffix for the codec: {@code .snappy.parquet}, {@code .parquet} when uncompressed. */
  public String fileExtension() {
    return switch (codec) {
      case UNCOMPRESSED -> ".parquet";
      case SNAPPY -> ".snappy.parquet";
      case GZIP -> ".gz.parquet";
      case ZSTD -> ".zstd.parquet";
      case LZ4_RAW -> ".lz4raw.parquet";
      default -> "." + codec.name().toLowerCase(Locale.ROOT) + ".parquet";
    };
  }
}
