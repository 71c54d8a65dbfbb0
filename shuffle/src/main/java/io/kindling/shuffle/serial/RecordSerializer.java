package io.kindling.shuffle.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.persistence.serial.KryoFactory;

/**
 * Writes and reads the key-value records of shuffle blocks and spill files with this thread's Kryo instance (made
 * by {@link KryoFactory}, as for cached blocks).
 * Each call is self-contained (Kryo resets after every top-level object), so a block can be cut into chunks
 * anywhere between records and read back from any record boundary.
 */
public final class RecordSerializer {
  private static final ThreadLocal<Kryo> KRYO = ThreadLocal.withInitial(KryoFactory::newKryo);

  private final Kryo kryo;

  private RecordSerializer(Kryo kryo) {
    this.kryo = kryo;
  }

  /** The serializer of the calling thread (Kryo instances are not thread-safe). */
  public static RecordSerializer forThread() {
    return new RecordSerializer(KRYO.get());
  }

  /** Writes one object with its class; fails with a message naming the class Kryo could not handle. */
  public void write(Output out, Object value, String what) {
    try {
      kryo.writeClassAndObject(out, value);
    } catch (KryoException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException
        | SecurityException | ClassCastException e) {
      throw cannotSerialize(value, what, e);
    } catch (RuntimeException e) {
      if (e.getClass().getName().equals("java.lang.reflect.InaccessibleObjectException")) {
        throw cannotSerialize(value, what, e);
      }
      throw e;
    }
  }

  /** Writes a key and a value. */
  public void writePair(Output out, Object key, Object value) {
    write(out, key, "key");
    write(out, value, "value");
  }

  /** Reads one object written by {@link #write}. */
  public Object read(Input in) {
    try {
      return kryo.readClassAndObject(in);
    } catch (KryoException e) {
      throw new KindlingException("Could not read a shuffle record: " + e.getMessage()
          + ". The block is corrupt, or a class changed between writing and reading it.", e);
    }
  }

  private static KindlingException cannotSerialize(Object value, String what, Exception e) {
    String type = value == null ? "null" : value.getClass().getName();
    return new KindlingException("Cannot serialize a record " + what + " of class " + type
        + " with Kryo for a shuffle: " + e.getMessage()
        + ". Keys and values that cross a shuffle must be plain data: give " + type
        + " fields Kryo can copy (no threads, streams, sockets or locks), or map it to such a type before "
        + "the shuffle.", e);
  }
}
