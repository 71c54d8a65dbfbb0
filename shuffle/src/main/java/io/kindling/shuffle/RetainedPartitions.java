package io.kindling.shuffle;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.Tuple2;
import io.kindling.shuffle.serial.RecordSerializer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Serialized copies of pair partitions a task read through, kept on the heap so that the next shuffle-map task
 * over the same partition on this node writes the copy to its shuffle instead of computing the partition again:
 * {@code sortByKey}'s sampling job reads every partition once to choose the range bounds, and the shuffle that
 * follows would otherwise read and compute its input a second time. A copy is taken at most once; copies are kept within {@code capacityBytes}
 * in all, the oldest dropped first; a partition whose copy would not fit (or whose elements are not
 * {@link Tuple2}, or do not serialize, or which is not read to the end) is simply not kept, and is computed
 * again from its lineage.
 */
final class RetainedPartitions {
  private static final int MAX_CHUNK_BYTES = 1 << 20;
  private static final int FIRST_BUFFER_BYTES = 4 << 10;

  private record Key(int nodeId, int partition) {}

  private record Copy(List<byte[]> chunks, long records, long bytes) {}

  private final long capacityBytes;
  private final int chunkBytes;
  private final Map<Key, Copy> copies = new LinkedHashMap<>();
  private long reserved;

  RetainedPartitions(long capacityBytes) {
    this.capacityBytes = capacityBytes;
    // Chunks small against the capacity, so that a small budget still keeps small partitions.
    this.chunkBytes = (int) Math.max(1024, Math.min(MAX_CHUNK_BYTES, capacityBytes / 8));
  }

  /** {@code records} unchanged, copied as they are read; the copy is kept if the reader reaches the end. */
  <T> Iterator<T> retain(int nodeId, int partition, Iterator<T> records) {
    return new Recorder<>(new Key(nodeId, partition), records);
  }

  /** The kept copy of {@code partition} of lineage node {@code nodeId}, removed from the store; null if none. */
  @SuppressWarnings("unchecked")
  <T> Iterator<T> take(int nodeId, int partition) {
    Copy copy;
    synchronized (this) {
      if (copies.isEmpty()) {
        return null;
      }
      copy = copies.remove(new Key(nodeId, partition));
      if (copy == null) {
        return null;
      }
      reserved -= copy.bytes();
    }
    return (Iterator<T>) new Replay(copy);
  }

  /** Bytes held by kept copies (for tests). */
  synchronized long reservedBytes() {
    return reserved;
  }

  /** Drops every copy. */
  synchronized void clear() {
    copies.clear();
    reserved = 0;
  }

  /** Reserves {@code bytes}, dropping the oldest copies if that makes room; false when it can't. */
  private synchronized boolean reserve(long bytes) {
    Iterator<Copy> oldest = copies.values().iterator();
    while (reserved + bytes > capacityBytes && oldest.hasNext()) {
      reserved -= oldest.next().bytes();
      oldest.remove();
    }
    if (reserved + bytes > capacityBytes) {
      return false;
    }
    reserved += bytes;
    return true;
  }

  /** Keeps {@code copy} if it fits, making room by dropping the oldest copies. */
  private synchronized void commit(Key key, Copy copy) {
    Copy previous = copies.remove(key);
    if (previous != null) {
      reserved -= previous.bytes();
    }
    if (reserve(copy.bytes())) {
      copies.put(key, copy);
    }
  }

  /** Passes records through while it writes them into chunks. */
  private final class Recorder<T> implements Iterator<T> {
    private final Key key;
    private final Iterator<T> records;
    private final RecordSerializer serializer = RecordSerializer.forThread();
    private List<byte[]> chunks = new ArrayList<>();
    private Output out;
    private long count;
    private long bytes;
    private boolean done;

    Recorder(Key key, Iterator<T> records) {
      this.key = key;
      this.records = records;
    }

    @Override
    public boolean hasNext() {
      boolean more = records.hasNext();
      if (!more && !done) {
        done = true;
        finish();
      }
      return more;
    }

    @Override
    public T next() {
      T t = records.next();
      if (!done) {
        record(t);
      }
      return t;
    }

    private void record(T t) {
      if (!(t instanceof Tuple2<?, ?> pair)) {
        abandon();
        return;
      }
      if (out == null) {
        // Small partitions stay small: the first buffer grows as it fills.
        out = new Output(Math.min(FIRST_BUFFER_BYTES, chunkBytes), -1);
      } else if (out.position() >= chunkBytes) {
        bytes += out.position();
        chunks.add(out.toBytes());
        // A copy that can't be kept is given up early, so that it holds no more memory than that.
        if (bytes + chunkBytes > capacityBytes) {
          abandon();
          return;
        }
        out = new Output(chunkBytes + 1024, -1);
      }
      try {
        serializer.writeRecord(out, pair._1(), pair._2());
        count++;
      } catch (KindlingException | StackOverflowError e) {
        // The shuffle reports a record that can't be serialized, with its own message, when it gets there.
        abandon();
      }
    }

    private void finish() {
      if (out != null && out.position() > 0) {
        bytes += out.position();
        chunks.add(out.toBytes());
      }
      commit(key, new Copy(List.copyOf(chunks), count, bytes));
      chunks = null;
      out = null;
    }

    private void abandon() {
      done = true;
      chunks = null;
      out = null;
    }
  }

  /** Reads a copy back, record by record. */
  private static final class Replay implements Iterator<Tuple2<Object, Object>> {
    private final byte[][] chunks;
    private final RecordSerializer serializer = RecordSerializer.forThread();
    private final Object[] pair = new Object[2];
    private long left;
    private int nextChunk;
    private Input in;

    Replay(Copy copy) {
      this.chunks = copy.chunks().toArray(new byte[0][]);
      this.left = copy.records();
    }

    @Override
    public boolean hasNext() {
      return left > 0;
    }

    @Override
    public Tuple2<Object, Object> next() {
      if (left <= 0) {
        throw new NoSuchElementException();
      }
      while (in == null || in.position() >= in.limit()) {
        in = new Input(chunks[nextChunk]);
        chunks[nextChunk++] = null;
      }
      serializer.readRecord(in, pair);
      left--;
      return Tuple2.of(pair[0], pair[1]);
    }
  }
}
