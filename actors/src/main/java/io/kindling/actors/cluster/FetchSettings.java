package io.kindling.actors.cluster;

import com.typesafe.config.Config;
import io.kindling.KindlingException;
import java.time.Duration;

/**
 * How a worker fetches shuffle blocks from other workers ({@code kindling.cluster.shuffle-fetch}).
 *
 * @param chunkBytes bytes asked for at once (one network message)
 * @param window chunks one stream keeps requested ahead of its reader
 * @param maxBytesInFlight bytes all of a worker's fetches may have requested and not yet read
 * @param timeout how long a fetch waits for a chunk (or for room in the budget) before it fails
 */
record FetchSettings(int chunkBytes, int window, long maxBytesInFlight, Duration timeout) {

  FetchSettings {
    if (chunkBytes < 1024) {
      throw new KindlingException("kindling.cluster.shuffle-fetch.chunk-size must be at least 1 KiB: " + chunkBytes);
    }
    if (window < 1) {
      throw new KindlingException("kindling.cluster.shuffle-fetch.window must be at least 1: " + window);
    }
    if (maxBytesInFlight < chunkBytes) {
      throw new KindlingException("kindling.cluster.shuffle-fetch.max-bytes-in-flight must hold at least one chunk: "
          + maxBytesInFlight);
    }
  }

  static FetchSettings from(Config config, long maximumMessageSize) {
    Config c = config.getConfig("kindling.cluster.shuffle-fetch");
    long chunk = Math.min(c.getBytes("chunk-size"), maximumMessageSize - 1024);
    return new FetchSettings((int) chunk, c.getInt("window"), c.getBytes("max-bytes-in-flight"),
        c.getDuration("timeout"));
  }

  /** The semaphore permits of {@code bytes} (KiB, rounded up). */
  static int permits(long bytes) {
    return (int) Math.max(1, (bytes + 1023) / 1024);
  }

  int totalPermits() {
    return permits(maxBytesInFlight);
  }
}
