package io.kindling.shuffle;

import com.esotericsoftware.kryo.io.Input;
import io.kindling.Tuple2;
import io.kindling.persistence.shuffle.MissingShuffleOutputException;
import io.kindling.persistence.shuffle.ShuffleStore;
import io.kindling.shuffle.external.ExternalSorter;
import io.kindling.shuffle.serial.RecordSerializer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The records of one reduce partition: the blocks every map partition wrote for it, read one chunk at a time
 * (from the node's store, or fetched from the node that wrote them) and deserialized lazily. A map output that
 * disappears while it is read ends the read with a fetch failure.
 */
final class BlockRecordIterator<K, V> implements Iterator<Tuple2<K, V>> {
  private static final int READ_BUFFER = 64 << 10;

  /** One map partition's block: its size and how to open it. */
  record Block(long size, Supplier<InputStream> open) {}

  private final List<Block> blocks;
  private final Function<MissingShuffleOutputException, RuntimeException> onMissing;
  private final RecordSerializer serializer = RecordSerializer.forThread();
  private Input input;
  private int nextMap;
  private boolean inBlock;
  private final Object[] pair = new Object[2];
  private long records;

  /** Reads {@code blocks} in order; a local block found gone is reported through {@code onMissing}. */
  BlockRecordIterator(List<Block> blocks, Function<MissingShuffleOutputException, RuntimeException> onMissing) {
    this.blocks = List.copyOf(blocks);
    this.onMissing = onMissing;
  }

  /** The records map partitions {@code 0 .. numMaps-1} wrote in {@code store} for {@code reducePartition}. */
  BlockRecordIterator(ShuffleStore store, int shuffleId, int numMaps, int reducePartition) {
    this(local(store, shuffleId, numMaps, reducePartition),
        e -> NodeShuffleService.lostWhileReading(store, shuffleId, numMaps, reducePartition, e));
  }

  /** The blocks map partitions {@code 0 .. numMaps-1} wrote in {@code store} for {@code reducePartition}. */
  static List<Block> local(ShuffleStore store, int shuffleId, int numMaps, int reducePartition) {
    List<Block> blocks = new ArrayList<>(numMaps);
    for (int m = 0; m < numMaps; m++) {
      blocks.add(local(store, shuffleId, m, reducePartition, store.sizes(shuffleId, m)[reducePartition]));
    }
    return blocks;
  }

  static Block local(ShuffleStore store, int shuffleId, int map, int reducePartition, long size) {
    return new Block(size, () -> store.openBlock(shuffleId, map, reducePartition));
  }

  @Override
  public boolean hasNext() {
    try {
      return advance();
    } catch (MissingShuffleOutputException e) {
      throw onMissing.apply(e);
    }
  }

  private boolean advance() {
    while (!inBlock || input.end()) {
      inBlock = false;
      if (nextMap >= blocks.size()) {
        return false;
      }
      Block block = blocks.get(nextMap++);
      if (block.size() == 0) {
        continue;
      }
      if (input == null) {
        input = new Input(block.open().get(), READ_BUFFER);
      } else {
        input.setInputStream(block.open().get());
      }
      inBlock = true;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Tuple2<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      serializer.readRecord(input, pair);
      records++;
      return Tuple2.of((K) pair[0], (V) pair[1]);
    } catch (MissingShuffleOutputException e) {
      throw onMissing.apply(e);
    }
  }

  /**
   * Inserts every record left into {@code sorter}; Long, Integer and Double keys go in as primitives, without
   * being boxed.
   */
  @SuppressWarnings("unchecked")
  void drainInto(ExternalSorter<K, V> sorter) {
    try {
      while (advance()) {
        int header = serializer.readHeader(input);
        int keyTag = RecordSerializer.keyTag(header);
        int valueTag = RecordSerializer.valueTag(header);
        switch (keyTag) {
          case RecordSerializer.LONG_VAR, RecordSerializer.LONG_FIXED, RecordSerializer.INT,
              RecordSerializer.DOUBLE -> {
            long key = serializer.readPrimitive(input, keyTag);
            boolean same = valueTag == RecordSerializer.SAME_AS_KEY;
            V value = same ? null : (V) serializer.readTagged(input, valueTag);
            if (keyTag == RecordSerializer.INT) {
              sorter.insertInt((int) key, value, same);
            } else if (keyTag == RecordSerializer.DOUBLE) {
              sorter.insertDouble(Double.longBitsToDouble(key), value, same);
            } else {
              sorter.insertLong(key, value, same);
            }
          }
          default -> {
            K key = (K) serializer.readTagged(input, keyTag);
            V value = valueTag == RecordSerializer.SAME_AS_KEY ? (V) key
                : (V) serializer.readTagged(input, valueTag);
            sorter.insert(Tuple2.of(key, value));
          }
        }
        records++;
      }
    } catch (MissingShuffleOutputException e) {
      throw onMissing.apply(e);
    }
  }

  long records() {
    return records;
  }
}
