package io.kindling.persistence.block;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.engine.storage.BlockCodec;
import io.kindling.internal.JavaSerialization.ContextObjectInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32C;

/**
 * The chunk format of serialized blocks. A chunk is {@code [crc32c:int][version:byte][count:int][element…]}: the
 * checksum covers everything after it, and each chunk decodes on its own. Each element is a tag byte and its
 * bytes: {@code 0} a Kryo-serialized object; {@code 1} a Java-serialized one, for the rare object Kryo can't
 * handle (both sides reset Kryo's class and reference tables before it, so they stay in step).
 *
 * <p>Kryo is configured as everywhere else in Kindling, by {@link io.kindling.persistence.serial.KryoFactory}.
 */
public final class KryoBlockCodec implements BlockCodec {
  private static final int HEADER = 4 + 1 + 4;
  private static final byte VERSION = 2;
  private static final byte KRYO = 0;
  private static final byte JAVA = 1;

  @Override
  public EncodedBlock encode(Iterator<?> values, int chunkBytes) {
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    long count = 0;
    Kryo kryo = KryoPool.borrow();
    try {
      Output out = new Output(Math.min(chunkBytes, 64 * 1024) + HEADER, -1);
      int inChunk = 0;
      out.setPosition(HEADER);
      while (values.hasNext()) {
        Object value = values.next();
        writeElement(kryo, out, value);
        inChunk++;
        count++;
        if (out.position() >= chunkBytes) {
          byte[] chunk = finish(out, inChunk);
          chunks.add(chunk);
          total += chunk.length;
          kryo.reset();
          out.setPosition(HEADER);
          inChunk = 0;
        }
      }
      if (inChunk > 0 || chunks.isEmpty()) {
        byte[] chunk = finish(out, inChunk);
        chunks.add(chunk);
        total += chunk.length;
      }
    } finally {
      KryoPool.release(kryo);
    }
    return new EncodedBlock(chunks, total, count);
  }

  private static void writeElement(Kryo kryo, Output out, Object value) {
    int start = out.position();
    out.writeByte(KRYO);
    try {
      kryo.writeClassAndObject(out, value);
    } catch (RuntimeException | StackOverflowError e) {
      out.setPosition(start);
      kryo.reset();
      byte[] bytes = javaSerialize(value, e);
      out.writeByte(JAVA);
      out.writeVarInt(bytes.length, true);
      out.writeBytes(bytes);
    }
  }

  private static byte[] finish(Output out, int count) {
    int end = out.position();
    byte[] buffer = out.getBuffer();
    buffer[4] = VERSION;
    ByteBuffer.wrap(buffer, 5, 4).putInt(count);
    CRC32C crc = new CRC32C();
    crc.update(buffer, 4, end - 4);
    ByteBuffer.wrap(buffer, 0, 4).putInt((int) crc.getValue());
    return Arrays.copyOf(buffer, end);
  }

  @Override
  public boolean verify(byte[] chunk) {
    if (chunk == null || chunk.length < HEADER) {
      return false;
    }
    CRC32C crc = new CRC32C();
    crc.update(chunk, 4, chunk.length - 4);
    return ByteBuffer.wrap(chunk, 0, 4).getInt() == (int) crc.getValue() && chunk[4] == VERSION;
  }

  @Override
  public Iterator<Object> decode(List<byte[]> chunks) {
    return new Iterator<>() {
      private int next;
      private Object[] current = new Object[0];
      private int index;

      @Override
      public boolean hasNext() {
        while (index == current.length) {
          if (next == chunks.size()) {
            return false;
          }
          current = decodeChunk(chunks.get(next++));
          index = 0;
        }
        return true;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object value = current[index];
        current[index++] = null;
        return value;
      }
    };
  }

  /** All the elements of one chunk. */
  static Object[] decodeChunk(byte[] chunk) {
    int count = ByteBuffer.wrap(chunk, 5, 4).getInt();
    Object[] values = new Object[count];
    Kryo kryo = KryoPool.borrow();
    try {
      Input in = new Input(chunk, HEADER, chunk.length - HEADER);
      for (int i = 0; i < count; i++) {
        byte tag = in.readByte();
        if (tag == KRYO) {
          values[i] = kryo.readClassAndObject(in);
        } else {
          kryo.reset();
          values[i] = javaDeserialize(in.readBytes(in.readVarInt(true)));
        }
      }
    } finally {
      KryoPool.release(kryo);
    }
    return values;
  }

  private static byte[] javaSerialize(Object value, Throwable kryoFailure) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      KindlingException failure = new KindlingException("Cannot serialize an element of class "
          + value.getClass().getName() + " for a serialized storage level: Kryo failed (" + kryoFailure
          + ") and it is not java.io.Serializable (" + e + "). Use StorageLevel.MEMORY_ONLY, or make the class "
          + "Serializable", e);
      failure.addSuppressed(kryoFailure);
      throw failure;
    }
    return bytes.toByteArray();
  }

  private static Object javaDeserialize(byte[] bytes) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not read a cached element: " + e, e);
    }
  }
}
