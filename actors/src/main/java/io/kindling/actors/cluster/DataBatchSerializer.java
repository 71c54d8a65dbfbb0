package io.kindling.actors.cluster;

import akka.actor.ExtendedActorSystem;
import akka.serialization.ByteBufferSerializer;
import akka.serialization.SerializerWithStringManifest;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;

/**
 * Puts {@link DataBatch}es on the wire with a 13-byte header (stream id, sequence, last) and the bytes as they
 * are: no Jackson, no copy into an intermediate array when Artery hands over its buffer.
 */
public final class DataBatchSerializer extends SerializerWithStringManifest implements ByteBufferSerializer {
  static final int IDENTIFIER = 7311;
  private static final String MANIFEST = "B";
  private static final int HEADER = Long.BYTES + Integer.BYTES + 1;

  public DataBatchSerializer(ExtendedActorSystem system) {}

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    return MANIFEST;
  }

  @Override
  public byte[] toBinary(Object o) {
    DataBatch batch = cast(o);
    ByteBuffer buffer = ByteBuffer.allocate(HEADER + batch.bytes().length);
    toBinary(batch, buffer);
    return buffer.array();
  }

  @Override
  public void toBinary(Object o, ByteBuffer buf) {
    DataBatch batch = cast(o);
    buf.putLong(batch.streamId());
    buf.putInt(batch.sequence());
    buf.put(batch.last() ? (byte) 1 : (byte) 0);
    buf.put(batch.bytes());
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    return fromBinary(ByteBuffer.wrap(bytes), manifest);
  }

  @Override
  public Object fromBinary(ByteBuffer buf, String manifest) throws NotSerializableException {
    if (!MANIFEST.equals(manifest)) {
      throw new NotSerializableException("Unknown manifest '" + manifest + "' for " + getClass().getName());
    }
    long streamId = buf.getLong();
    int sequence = buf.getInt();
    boolean last = buf.get() != 0;
    byte[] bytes = new byte[buf.remaining()];
    buf.get(bytes);
    return new DataBatch(streamId, sequence, last, bytes);
  }

  private static DataBatch cast(Object o) {
    if (o instanceof DataBatch b) {
      return b;
    }
    throw new IllegalArgumentException("Can't serialize " + o.getClass().getName() + " with "
        + DataBatchSerializer.class.getName());
  }
}
