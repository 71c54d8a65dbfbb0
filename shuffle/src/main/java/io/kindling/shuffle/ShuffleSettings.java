package io.kindling.shuffle;

import com.typesafe.config.Config;
import io.kindling.KindlingException;
import io.kindling.persistence.shuffle.ShuffleStoreSettings;
import java.nio.file.Path;

/**
 * The shuffle settings of a node, read once from {@code kindling.shuffle} and {@code kindling.local-dir}.
 *
 * @param localDir where the node's work directory goes; null for the system's temporary directory
 * @param memoryBudgetBytes heap one task may use to combine or sort before it spills to disk
 * @param chunkBytes serialized bytes buffered per reduce partition before they go to the store as one chunk
 * @param store sizing of the store's Chronicle Map volumes
 */
public record ShuffleSettings(Path localDir, long memoryBudgetBytes, int chunkBytes, ShuffleStoreSettings store) {

  public ShuffleSettings {
    if (memoryBudgetBytes < 1) {
      throw new IllegalArgumentException("memoryBudgetBytes must be positive: " + memoryBudgetBytes);
    }
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
    }
  }

  /**
   * Reads the settings; {@code cores} is the number of tasks the node runs at once, which share the heap when
   * the memory budget is {@code auto}.
   */
  public static ShuffleSettings from(Config config, int cores) {
    Config s = config.getConfig("kindling.shuffle");
    String localDir = config.hasPath("kindling.local-dir") ? config.getString("kindling.local-dir").trim() : "";
    long budget;
    String budgetText = s.getString("memory-budget").trim();
    if (budgetText.equalsIgnoreCase("auto")) {
      double fraction = s.getDouble("auto-memory-fraction");
      budget = (long) (Runtime.getRuntime().maxMemory() * fraction / Math.max(1, cores));
    } else {
      budget = s.getBytes("memory-budget");
    }
    if (budget < 1) {
      throw new KindlingException("kindling.shuffle.memory-budget must be positive or auto: " + budgetText);
    }
    long chunk = s.getBytes("chunk-size");
    long maxChunk = s.getBytes("max-chunk-size");
    if (chunk < 1024 || chunk > maxChunk || maxChunk > (64L << 20)) {
      throw new KindlingException("kindling.shuffle.chunk-size must be between 1 KiB and max-chunk-size (at most "
          + "64 MiB): chunk-size = " + chunk + ", max-chunk-size = " + maxChunk);
    }
    ShuffleStoreSettings store = new ShuffleStoreSettings((int) chunk, (int) maxChunk,
        s.getLong("store.chunks-per-volume"), s.getDouble("store.max-bloat-factor"));
    return new ShuffleSettings(localDir.isEmpty() ? null : Path.of(localDir), budget,
        (int) chunk, store);
  }
}
