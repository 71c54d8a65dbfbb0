package io.kindling.engine.storage;

import java.util.Iterator;
import java.util.List;

/**
 * Turns a partition's elements into self-checking chunks and back. Every chunk carries a checksum of its own
 * bytes; a chunk that fails it means the block is lost.
 */
public interface BlockCodec {

  /** The elements as chunks of about {@code chunkBytes} each (an element is never split). */
  EncodedBlock encode(Iterator<?> values, int chunkBytes);

  /** True when {@code chunk} is intact (its checksum matches). */
  boolean verify(byte[] chunk);

  /** The elements of intact chunks, in order. */
  Iterator<Object> decode(List<byte[]> chunks);

  /** A block's chunks, their total size and how many elements they hold. */
  record EncodedBlock(List<byte[]> chunks, long bytes, long count) {
    public EncodedBlock {
      chunks = List.copyOf(chunks);
    }
  }
}
