package io.kindling.shuffle;

import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.Partitioner;
import io.kindling.persistence.shuffle.MapOutputWriter;
import io.kindling.shuffle.serial.RecordSerializer;

/**
 * Serializes a map task's records into one buffer per reduce partition and hands each buffer to the store as a
 * chunk when it reaches the chunk size. When all buffers together pass {@code bufferBudget} (many reduce
 * partitions), the largest is stored early, so memory stays bounded however many partitions there are.
 */
final class PartitionedBlockWriter {
  private static final int INITIAL_BUFFER = 4 << 10;

  private final MapOutputWriter out;
  private final int chunkBytes;
  private final long bufferBudget;
  private final Output[] buffers;
  private final RecordSerializer serializer = RecordSerializer.forThread();
  private long buffered;

  PartitionedBlockWriter(MapOutputWriter out, int chunkBytes, long bufferBudget) {
    this.out = out;
    this.chunkBytes = chunkBytes;
    this.bufferBudget = Math.max(bufferBudget, chunkBytes);
    this.buffers = new Output[out.numReducers()];
  }

  void write(int partition, Object key, Object value) {
    Output o = buffers[partition];
    if (o == null) {
      o = new Output(INITIAL_BUFFER, -1);
      buffers[partition] = o;
    }
    int before = o.position();
    serializer.writeRecord(o, key, value);
    int after = o.position();
    buffered += after - before;
    if (after >= chunkBytes) {
      flush(partition);
    } else if (buffered > bufferBudget) {
      flushLargest();
    }
  }

  /** Stores what is left in every buffer. */
  void flushAll() {
    for (int p = 0; p < buffers.length; p++) {
      flush(p);
    }
  }

  private void flush(int partition) {
    Output o = buffers[partition];
    if (o == null || o.position() == 0) {
      return;
    }
    out.append(partition, o.getBuffer(), 0, o.position());
    buffered -= o.position();
    if (o.getBuffer().length > 2 * chunkBytes) {
      // One huge record grew this buffer: let it go rather than keep it for the rest of the task.
      buffers[partition] = null;
    } else {
      o.setPosition(0);
    }
  }

  private void flushLargest() {
    int largest = -1;
    int size = 0;
    for (int p = 0; p < buffers.length; p++) {
      Output o = buffers[p];
      if (o != null && o.position() > size) {
        size = o.position();
        largest = p;
      }
    }
    if (largest >= 0) {
      flush(largest);
    }
  }

  /** The reduce partition of {@code key}, checked, so a faulty partitioner fails with a clear message. */
  static int partitionOf(Partitioner partitioner, Object key, int numPartitions) {
    int p = partitioner.getPartition(key);
    if (p < 0 || p >= numPartitions) {
      throw new KindlingException(partitioner + " put key " + key + " in partition " + p
          + ", outside [0, " + numPartitions + "): getPartition must return a partition of numPartitions()");
    }
    return p;
  }
}
