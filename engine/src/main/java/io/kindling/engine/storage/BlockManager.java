package io.kindling.engine.storage;

import static java.util.Objects.requireNonNull;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.memory.SizeEstimator;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cached blocks of one node. {@code MEMORY_ONLY} blocks are the partition's objects in an array on the heap
 * (its records copied into objects allocated in a row when stored, see {@link CompactCopy}): read with no copy and
 * no deserialization. The other levels hold checksummed serialized chunks in the storage
 * layer's stores. Each level has a capacity; storing a block evicts whole least-recently-used blocks of that level
 * until it fits, and a block larger than the capacity is not stored (its partition is recomputed when next read).
 * Blocks that were stored and then lost (evicted, dropped, corrupt, or gone with a crashed owner) are remembered,
 * so that computing them again is reported as a recomputation. Thread-safe.
 */
public final class BlockManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BlockManager.class.getName());

  private final StorageSettings settings;
  private final SerializedStorage serialized;
  private final NodeEvents events;
  private final Map<BlockId, BlockInfo> index = new ConcurrentHashMap<>();
  private final Map<BlockId, MemoryBlock> memory = new ConcurrentHashMap<>();
  private final Map<BlockId, RecomputeCause> lost = new ConcurrentHashMap<>();
  /** The lineage of each block stored, for handing it over to another node (cluster mode). */
  private final Map<BlockId, OwnedBlock> lineage = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong();
  private final Object lock = new Object();
  // Guarded by lock: every block in least-recently-used order, and the bytes each level holds.
  private final LinkedHashMap<BlockId, BlockInfo> lru = new LinkedHashMap<>(16, 0.75f, true);
  private final long[] used = new long[StorageLevel.values().length];
  private boolean closed;
  private volatile BlockOwners owners = BlockOwners.NONE;

  /** What the manager knows of a stored block. */
  public record BlockInfo(BlockId id, StorageLevel level, long bytes, int chunks, long generation) {}

  private record MemoryBlock(Object[] values, long generation, boolean corrupt) {}

  public BlockManager(StorageSettings settings, SerializedStorage serialized, NodeEvents events) {
    this.settings = requireNonNull(settings, "settings is null");
    this.serialized = requireNonNull(serialized, "serialized is null");
    this.events = requireNonNull(events, "events is null");
  }

  /** A manager that stores nothing beyond MEMORY_ONLY, reporting nothing (engine tests, no runtime). */
  public static BlockManager inMemory(long memoryBytes) {
    return new BlockManager(new StorageSettings(memoryBytes, 0, 0, 256 * 1024, ""), SerializedStorage.unsupported(),
        NodeEvents.NONE);
  }

  /** Sets who owns the blocks (the node's supervisor); told when blocks come and go. */
  public void attach(BlockOwners owners) {
    this.owners = requireNonNull(owners, "owners is null");
  }

  public StorageSettings settings() {
    return settings;
  }

  public boolean contains(BlockId id) {
    return index.containsKey(id);
  }

  public Optional<BlockInfo> info(BlockId id) {
    return Optional.ofNullable(index.get(id));
  }

  /** The blocks held now. */
  public List<BlockInfo> blocks() {
    return List.copyOf(index.values());
  }

  // ---------------------------------------------------------------- reading and storing

  /**
   * The elements of block {@code id}, or null when it is not here. A block found corrupt or incomplete is dropped
   * (and remembered as lost), and null returned: the caller computes the partition again.
   */
  @SuppressWarnings("unchecked")
  public <T> Iterator<T> read(BlockId id) {
    BlockInfo info = index.get(id);
    if (info == null) {
      return null;
    }
    if (info.level() == StorageLevel.MEMORY_ONLY) {
      MemoryBlock block = memory.get(id);
      if (block == null || block.generation() != info.generation()) {
        // Still being stored by another task, or evicted meanwhile: a plain miss.
        return null;
      }
      if (block.corrupt()) {
        dropIfCurrent(info, RecomputeCause.CHECKSUM_MISMATCH, true);
        return null;
      }
      touch(id);
      return (Iterator<T>) Arrays.asList(block.values()).iterator();
    }
    List<byte[]> chunks = readChunks(info);
    if (chunks == null) {
      return null;
    }
    touch(id);
    return (Iterator<T>) serialized.codec().decode(chunks);
  }

  /** The chunks of a serialized block, all verified; null (and the block dropped) when one is missing or bad. */
  private List<byte[]> readChunks(BlockInfo info) {
    List<byte[]> chunks;
    try {
      chunks = serialized.store(info.level()).get(info.id(), info.generation(), info.chunks());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not read cached block " + info.id() + "; recomputing it", e);
      chunks = null;
    }
    if (chunks == null) {
      dropIfCurrent(info, RecomputeCause.BLOCK_LOST, true);
      return null;
    }
    BlockCodec codec = serialized.codec();
    for (byte[] chunk : chunks) {
      if (!codec.verify(chunk)) {
        LOG.log(System.Logger.Level.WARNING, "Cached block " + info.id() + " failed its checksum; recomputing it");
        dropIfCurrent(info, RecomputeCause.CHECKSUM_MISMATCH, true);
        return null;
      }
    }
    return chunks;
  }

  /**
   * Stores the elements of {@code values} as block {@code id} at {@code level} (when they fit) and returns them.
   * {@code node} and {@code persisted} are what the block's owner needs to recompute it.
   */
  @SuppressWarnings("unchecked")
  public <T> Iterator<T> store(BlockId id, StorageLevel level, Iterator<T> values, LineageNode<?> node,
      Map<Integer, StorageLevel> persisted) {
    requireNonNull(level, "level is null");
    if (level == StorageLevel.NONE) {
      return values;
    }
    if (level == StorageLevel.MEMORY_ONLY) {
      ArrayList<Object> list = new ArrayList<>();
      while (values.hasNext()) {
        list.add(values.next());
      }
      Object[] array = list.toArray();
      reportRecomputed(id);
      long generation = generations.incrementAndGet();
      BlockInfo info = new BlockInfo(id, level, SizeEstimator.estimate(array), 0, generation);
      List<BlockInfo> victims = new ArrayList<>();
      if (reserve(info, victims)) {
        // Copied only when kept: a block that doesn't fit is read once, as computed.
        array = settings.compactMemoryOnly() ? CompactCopy.of(array) : array;
        memory.put(id, new MemoryBlock(array, generation, false));
        evict(victims);
        committed(info, node, persisted);
      } else {
        evict(victims);
      }
      return (Iterator<T>) Arrays.asList(array).iterator();
    }
    BlockCodec codec = serialized.codec();
    BlockCodec.EncodedBlock encoded = codec.encode(values, settings.chunkBytes());
    reportRecomputed(id);
    BlockInfo info = new BlockInfo(id, level, encoded.bytes(), encoded.chunks().size(),
        generations.incrementAndGet());
    List<BlockInfo> victims = new ArrayList<>();
    boolean reserved = reserve(info, victims);
    evict(victims);
    if (reserved) {
      if (putChunks(info, encoded.chunks())) {
        committed(info, node, persisted);
      } else {
        unreserve(info);
        LOG.log(System.Logger.Level.WARNING, "No room for block " + id + " (" + info.bytes() + " bytes) at "
            + level + "; it will be recomputed when needed");
      }
    }
    return (Iterator<T>) codec.decode(encoded.chunks());
  }

  /** Puts a block's chunks, evicting older blocks of the level while the store reports it is full. */
  private boolean putChunks(BlockInfo info, List<byte[]> chunks) {
    ChunkStore store = serialized.store(info.level());
    while (true) {
      boolean stored;
      try {
        stored = store.put(info.id(), info.generation(), chunks);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Could not store block " + info.id() + " at " + info.level(), e);
        return false;
      }
      if (stored) {
        return true;
      }
      BlockInfo victim = evictionVictim(info);
      if (victim == null) {
        return false;
      }
      evict(List.of(victim));
    }
  }

  private void reportRecomputed(BlockId id) {
    RecomputeCause cause = lost.remove(id);
    if (cause != null) {
      events.partitionRecomputed(id.rddId(), id.partition(), cause);
    }
  }

  private void committed(BlockInfo info, LineageNode<?> node, Map<Integer, StorageLevel> persisted) {
    if (index.get(info.id()) != info) {
      // Evicted (or unpersisted) while being stored: its data must not linger.
      removeData(info);
      return;
    }
    OwnedBlock owned = new OwnedBlock(info.id(), info.level(), info.generation(), node, persisted);
    lineage.put(info.id(), owned);
    owners.stored(owned);
  }

  /** A block as it moves to another node: its lineage and its elements as verified chunks. */
  public record ExportedBlock(OwnedBlock block, List<byte[]> chunks) {
    public ExportedBlock {
      requireNonNull(block, "block is null");
      chunks = List.copyOf(chunks);
    }
  }

  /**
   * Block {@code id} encoded for another node (a node leaving the cluster hands its blocks over), or empty when
   * it is not here (anymore) or fails its checksum.
   */
  public Optional<ExportedBlock> export(BlockId id) {
    BlockInfo info = index.get(id);
    OwnedBlock owned = lineage.get(id);
    if (info == null || owned == null || owned.generation() != info.generation()) {
      return Optional.empty();
    }
    Iterator<Object> values = read(id);
    if (values == null) {
      return Optional.empty();
    }
    return Optional.of(new ExportedBlock(owned, serialized.codec().encode(values, settings.chunkBytes()).chunks()));
  }

  /**
   * Stores a block another node exported, at its level, as if computed here; false when a chunk fails its
   * checksum (nothing is stored then).
   */
  public boolean importBlock(ExportedBlock exported) {
    BlockCodec codec = serialized.codec();
    for (byte[] chunk : exported.chunks()) {
      if (!codec.verify(chunk)) {
        return false;
      }
    }
    OwnedBlock b = exported.block();
    Iterator<Object> values = store(b.id(), b.level(), codec.decode(exported.chunks()), b.node(), b.persisted());
    while (values.hasNext()) {
      values.next();
    }
    return contains(b.id());
  }

  // ---------------------------------------------------------------- capacity and eviction

  private long capacity(StorageLevel level) {
    return switch (level) {
      case MEMORY_ONLY -> settings.memoryBytes();
      case OFF_HEAP -> settings.offHeapBytes();
      case MEMORY_AND_DISK, DISK_ONLY -> settings.diskBytes();
      case NONE -> 0;
    };
  }

  /**
   * Accounts for {@code info}, choosing (and unlinking) the least-recently-used blocks of its level that must go
   * to make room; false when the block is already here, does not fit at all, or the manager is closed.
   */
  private boolean reserve(BlockInfo info, List<BlockInfo> victims) {
    StorageLevel level = info.level();
    long capacity = capacity(level);
    synchronized (lock) {
      if (closed || index.containsKey(info.id())) {
        return false;
      }
      if (info.bytes() > capacity) {
        LOG.log(System.Logger.Level.INFO, "Block " + info.id() + " (" + info.bytes() + " bytes) is larger than the "
            + level + " capacity (" + capacity + " bytes): not cached");
        return false;
      }
      Iterator<BlockInfo> it = lru.values().iterator();
      while (used[level.ordinal()] + info.bytes() > capacity && it.hasNext()) {
        BlockInfo candidate = it.next();
        if (candidate.level() == level) {
          it.remove();
          index.remove(candidate.id());
          used[level.ordinal()] -= candidate.bytes();
          victims.add(candidate);
        }
      }
      lru.put(info.id(), info);
      index.put(info.id(), info);
      used[level.ordinal()] += info.bytes();
    }
    events.cachedBytes(level, info.bytes());
    return true;
  }

  private void unreserve(BlockInfo info) {
    if (unlink(info)) {
      events.cachedBytes(info.level(), -info.bytes());
    }
  }

  /** The least-recently-used other block of {@code info}'s level, unlinked; null when there is none. */
  private BlockInfo evictionVictim(BlockInfo info) {
    synchronized (lock) {
      for (BlockInfo candidate : lru.values()) {
        if (candidate.level() == info.level() && !candidate.id().equals(info.id())) {
          lru.remove(candidate.id());
          index.remove(candidate.id());
          used[candidate.level().ordinal()] -= candidate.bytes();
          return candidate;
        }
      }
      return null;
    }
  }

  private void evict(List<BlockInfo> victims) {
    for (BlockInfo victim : victims) {
      removeData(victim);
      lost.put(victim.id(), RecomputeCause.EVICTED);
      events.cachedBytes(victim.level(), -victim.bytes());
      events.blockEvicted(victim.id().rddId(), victim.id().partition(), victim.level());
      owners.released(victim.id(), victim.generation());
    }
  }

  private void touch(BlockId id) {
    synchronized (lock) {
      lru.get(id);
    }
  }

  /** Unlinks {@code info} if it is still the current block under its id. */
  private boolean unlink(BlockInfo info) {
    synchronized (lock) {
      if (index.get(info.id()) != info) {
        return false;
      }
      index.remove(info.id());
      lru.remove(info.id());
      used[info.level().ordinal()] -= info.bytes();
      return true;
    }
  }

  private void removeData(BlockInfo info) {
    if (info.level() == StorageLevel.MEMORY_ONLY) {
      memory.computeIfPresent(info.id(), (k, b) -> b.generation() == info.generation() ? null : b);
    } else {
      try {
        serialized.store(info.level()).remove(info.id(), info.generation(), info.chunks());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Could not remove block " + info.id(), e);
      }
    }
  }

  // ---------------------------------------------------------------- faults, recovery, removal

  /**
   * Checks block {@code id}: present, complete and passing its checksums. A block that fails is dropped
   * (remembered as lost), without releasing its owner, which is the one asking.
   */
  public boolean verify(BlockId id) {
    BlockInfo info = index.get(id);
    if (info == null) {
      return false;
    }
    if (info.level() == StorageLevel.MEMORY_ONLY) {
      MemoryBlock block = memory.get(id);
      if (block != null && block.generation() == info.generation() && !block.corrupt()) {
        return true;
      }
      dropIfCurrent(info, block != null && block.corrupt() ? RecomputeCause.CHECKSUM_MISMATCH
          : RecomputeCause.BLOCK_LOST, false);
      return false;
    }
    List<byte[]> chunks;
    try {
      chunks = serialized.store(info.level()).get(id, info.generation(), info.chunks());
    } catch (RuntimeException e) {
      chunks = null;
    }
    if (chunks == null) {
      dropIfCurrent(info, RecomputeCause.BLOCK_LOST, false);
      return false;
    }
    for (byte[] chunk : chunks) {
      if (!serialized.codec().verify(chunk)) {
        dropIfCurrent(info, RecomputeCause.CHECKSUM_MISMATCH, false);
        return false;
      }
    }
    return true;
  }

  /**
   * Removes block {@code id} as lost for {@code cause} (so that its recomputation is reported); its owner is told
   * to stop when {@code releaseOwner}. False when there was no block.
   */
  public boolean drop(BlockId id, RecomputeCause cause, boolean releaseOwner) {
    BlockInfo info = index.get(id);
    return info != null && dropIfCurrent(info, cause, releaseOwner);
  }

  private boolean dropIfCurrent(BlockInfo info, RecomputeCause cause, boolean releaseOwner) {
    if (!unlink(info)) {
      return false;
    }
    removeData(info);
    if (cause != null) {
      lost.put(info.id(), cause);
    }
    events.cachedBytes(info.level(), -info.bytes());
    if (releaseOwner) {
      owners.released(info.id(), info.generation());
    }
    return true;
  }

  /** Damages block {@code id} so that its next read fails the checksum; false when there is no block. */
  public boolean corrupt(BlockId id) {
    BlockInfo info = index.get(id);
    if (info == null) {
      return false;
    }
    if (info.level() == StorageLevel.MEMORY_ONLY) {
      // Objects on the heap carry no checksum: the block is marked as failing one.
      MemoryBlock block = memory.computeIfPresent(id, (k, b) -> b.generation() == info.generation()
          ? new MemoryBlock(b.values(), b.generation(), true) : b);
      return block != null && block.corrupt();
    }
    serialized.store(info.level()).corrupt(id, info.generation());
    return true;
  }

  /** Crashes the owner of block {@code id} (fault injection). */
  public void crashOwner(BlockId id) {
    owners.crash(id);
  }

  /** Removes every block of dataset {@code rddId} ({@code unpersist}); returns the removed ids. */
  public List<BlockId> removeDataset(int rddId) {
    List<BlockInfo> removed = new ArrayList<>();
    synchronized (lock) {
      for (BlockInfo info : List.copyOf(lru.values())) {
        if (info.id().rddId() == rddId) {
          lru.remove(info.id());
          index.remove(info.id());
          used[info.level().ordinal()] -= info.bytes();
          removed.add(info);
        }
      }
    }
    lost.keySet().removeIf(id -> id.rddId() == rddId);
    List<BlockId> ids = new ArrayList<>();
    for (BlockInfo info : removed) {
      removeData(info);
      events.cachedBytes(info.level(), -info.bytes());
      ids.add(info.id());
    }
    return ids;
  }

  /** Drops every block and closes the stores (deleting their files). */
  @Override
  public void close() {
    List<BlockInfo> all;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      all = List.copyOf(lru.values());
      lru.clear();
      index.clear();
      Arrays.fill(used, 0);
    }
    memory.clear();
    lost.clear();
    for (BlockInfo info : all) {
      events.cachedBytes(info.level(), -info.bytes());
    }
    serialized.close();
  }
}
