package io.kindling.engine.storage;

import io.kindling.storage.StorageLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * A hand-written stand-in for the storage layer: chunks in a map, one element a chunk, Java-serialized behind a
 * CRC32. {@code refusePuts} makes every put report "no room".
 */
final class TestingSerializedStorage implements SerializedStorage {
  final Map<String, byte[]> chunks = new ConcurrentHashMap<>();
  volatile boolean refusePuts;
  volatile boolean closed;

  private final ChunkStore store = new ChunkStore() {
    @Override
    public boolean put(BlockId block, long generation, List<byte[]> values) {
      if (refusePuts) {
        return false;
      }
      for (int i = 0; i < values.size(); i++) {
        chunks.put(generation + "/" + i, values.get(i));
      }
      return true;
    }

    @Override
    public List<byte[]> get(BlockId block, long generation, int count) {
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] c = chunks.get(generation + "/" + i);
        if (c == null) {
          return null;
        }
        out.add(c);
      }
      return out;
    }

    @Override
    public void remove(BlockId block, long generation, int count) {
      for (int i = 0; i < count; i++) {
        chunks.remove(generation + "/" + i);
      }
    }

    @Override
    public void corrupt(BlockId block, long generation) {
      byte[] c = chunks.get(generation + "/0");
      c[c.length - 1] ^= 1;
    }

    @Override
    public void close() {}
  };

  private final BlockCodec codec = new BlockCodec() {
    @Override
    public EncodedBlock encode(Iterator<?> values, int chunkBytes) {
      List<byte[]> out = new ArrayList<>();
      long bytes = 0;
      while (values.hasNext()) {
        byte[] payload = serialize(values.next());
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] chunk = ByteBuffer.allocate(8 + payload.length).putLong(crc.getValue()).put(payload).array();
        out.add(chunk);
        bytes += chunk.length;
      }
      return new EncodedBlock(out, bytes, out.size());
    }

    @Override
    public boolean verify(byte[] chunk) {
      CRC32 crc = new CRC32();
      crc.update(chunk, 8, chunk.length - 8);
      return ByteBuffer.wrap(chunk).getLong() == crc.getValue();
    }

    @Override
    public Iterator<Object> decode(List<byte[]> chunks) {
      return chunks.stream().map(c -> deserialize(Arrays.copyOfRange(c, 8, c.length))).iterator();
    }
  };

  @Override
  public ChunkStore store(StorageLevel level) {
    return store;
  }

  @Override
  public BlockCodec codec() {
    return codec;
  }

  @Override
  public void close() {
    closed = true;
  }

  private static byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
