package io.kindling.persistence.block;

import static java.util.Objects.requireNonNull;

import io.kindling.engine.storage.BlockCodec;
import io.kindling.engine.storage.ChunkStore;
import io.kindling.engine.storage.SerializedStorage;
import io.kindling.engine.storage.StorageSettings;
import io.kindling.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A node's serialized block stores: OFF_HEAP in an off-heap Chronicle Map, MEMORY_AND_DISK in a Chronicle Map
 * memory-mapped to a file, DISK_ONLY in block files. Each store is made on first use (the first Chronicle Map of a
 * JVM takes over a second to set up, which must never delay a session's start), and all are deleted on close.
 */
public final class ChronicleStorage implements SerializedStorage {
  private final String name;
  private final StorageSettings settings;
  private final BlockCodec codec = new KryoBlockCodec();
  private final Map<StorageLevel, ChunkStore> stores = new EnumMap<>(StorageLevel.class);
  private Path directory;
  private boolean closed;

  /** {@code name} tells this node's stores apart (it names the map and the files). */
  public ChronicleStorage(String name, StorageSettings settings) {
    this.name = requireNonNull(name, "name is null");
    this.settings = requireNonNull(settings, "settings is null");
  }

  @Override
  public synchronized ChunkStore store(StorageLevel level) {
    if (closed) {
      throw new IllegalStateException("the block stores of " + name + " are closed");
    }
    return stores.computeIfAbsent(level, this::create);
  }

  private ChunkStore create(StorageLevel level) {
    return switch (level) {
      case OFF_HEAP -> ChronicleChunkStore.inMemory(name + "-off-heap", settings.offHeapBytes(),
          settings.chunkBytes());
      case MEMORY_AND_DISK -> ChronicleChunkStore.persistedTo(name + "-memory-and-disk",
          directory().resolve("memory-and-disk.cmap").toFile(), settings.diskBytes(), settings.chunkBytes());
      case DISK_ONLY -> new FileChunkStore(directory().resolve("disk-only"));
      case MEMORY_ONLY, NONE -> throw new IllegalArgumentException(level + " is not a serialized level");
    };
  }

  private Path directory() {
    if (directory == null) {
      try {
        directory = settings.directory().isEmpty()
            ? Files.createTempDirectory("kindling-" + name + "-")
            : Files.createDirectories(Path.of(settings.directory(), name));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create the block store directory for " + name
            + " (kindling.storage.dir)", e);
      }
    }
    return directory;
  }

  @Override
  public BlockCodec codec() {
    return codec;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ChunkStore store : stores.values()) {
      store.close();
    }
    stores.clear();
    if (directory != null) {
      try {
        Files.deleteIfExists(directory);
      } catch (IOException e) {
        directory.toFile().deleteOnExit();
      }
    }
  }
}
