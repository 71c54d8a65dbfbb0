package io.kindling.shuffle;

import com.esotericsoftware.kryo.io.Input;
import io.kindling.Tuple2;
import io.kindling.persistence.shuffle.MissingShuffleOutputException;
import io.kindling.persistence.shuffle.ShuffleStore;
import io.kindling.shuffle.serial.RecordSerializer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of one reduce partition: the blocks every map partition wrote for it, read from the store one
 * chunk at a time and deserialized lazily. A map output that disappears while it is read ends the read with a
 * fetch failure.
 */
final class BlockRecordIterator<K, V> implements Iterator<Tuple2<K, V>> {
  private static final int READ_BUFFER = 64 << 10;

  private final ShuffleStore store;
  private final int shuffleId;
  private final int numMaps;
  private final int reducePartition;
  private final RecordSerializer serializer = RecordSerializer.forThread();
  private Input input;
  private int nextMap;
  private boolean inBlock;
  private long records;

  BlockRecordIterator(ShuffleStore store, int shuffleId, int numMaps, int reducePartition) {
    this.store = store;
    this.shuffleId = shuffleId;
    this.numMaps = numMaps;
    this.reducePartition = reducePartition;
  }

  @Override
  public boolean hasNext() {
    try {
      return advance();
    } catch (MissingShuffleOutputException e) {
      throw NodeShuffleService.lostWhileReading(store, shuffleId, numMaps, reducePartition, e);
    }
  }

  private boolean advance() {
    while (!inBlock || input.end()) {
      inBlock = false;
      if (nextMap >= numMaps) {
        return false;
      }
      int map = nextMap++;
      if (store.sizes(shuffleId, map)[reducePartition] == 0) {
        continue;
      }
      if (input == null) {
        input = new Input(store.openBlock(shuffleId, map, reducePartition), READ_BUFFER);
      } else {
        input.setInputStream(store.openBlock(shuffleId, map, reducePartition));
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
      K key = (K) serializer.read(input);
      V value = (V) serializer.read(input);
      records++;
      return Tuple2.of(key, value);
    } catch (MissingShuffleOutputException e) {
      throw NodeShuffleService.lostWhileReading(store, shuffleId, numMaps, reducePartition, e);
    }
  }

  long records() {
    return records;
  }
}
