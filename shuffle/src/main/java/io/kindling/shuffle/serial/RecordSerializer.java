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
 *
 * <p>A record written by {@link #writeRecord} starts with a header byte, the key's tag in the high four bits and
 * the value's in the low four: Long, Integer, Double, String and null are written directly (no class, no Kryo
 * call), anything else through Kryo, and a value that is its key (an immutable key, as {@code keyBy(x -> x)}
 * makes) is not written again. Readers of sorted shuffles use the tags to take the keys as primitives.
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

  /** Tag: the object follows in Kryo's format, with its class. */
  public static final int OBJECT = 0;
  /** Tag: null, nothing follows. */
  public static final int NULL = 1;
  /** Tag: a Long as a zig-zag variable-length integer. */
  public static final int LONG_VAR = 2;
  /** Tag: a Long in eight bytes (large magnitudes, where the variable length would be longer). */
  public static final int LONG_FIXED = 3;
  /** Tag: an Integer as a zig-zag variable-length integer. */
  public static final int INT = 4;
  /** Tag: a Double's eight bytes. */
  public static final int DOUBLE = 5;
  /** Tag: a String. */
  public static final int STRING = 6;
  /** Tag (values only): the value is the key object itself. */
  public static final int SAME_AS_KEY = 7;

  /** Writes a key and a value as one record with a header byte (see the class comment). */
  public void writeRecord(Output out, Object key, Object value) {
    int keyTag = tagOf(key);
    int valueTag = value == key && keyTag >= LONG_VAR ? SAME_AS_KEY : tagOf(value);
    out.writeByte(keyTag << 4 | valueTag);
    writeTagged(out, keyTag, key, "key");
    if (valueTag != SAME_AS_KEY) {
      writeTagged(out, valueTag, value, "value");
    }
  }

  private static int tagOf(Object o) {
    if (o == null) {
      return NULL;
    }
    Class<?> c = o.getClass();
    if (c == Long.class) {
      long v = (Long) o;
      // Zig-zag values of 56 bits or fewer take at most eight bytes as a variable-length integer.
      return ((v << 1 ^ v >> 63) >>> 56) == 0 ? LONG_VAR : LONG_FIXED;
    }
    if (c == Integer.class) {
      return INT;
    }
    if (c == Double.class) {
      return DOUBLE;
    }
    return c == String.class ? STRING : OBJECT;
  }

  private void writeTagged(Output out, int tag, Object o, String what) {
    switch (tag) {
      case NULL -> { }
      case LONG_VAR -> out.writeVarLong((Long) o, false);
      case LONG_FIXED -> out.writeLong((Long) o);
      case INT -> out.writeVarInt((Integer) o, false);
      case DOUBLE -> out.writeLong(Double.doubleToRawLongBits((Double) o));
      case STRING -> out.writeString((String) o);
      default -> write(out, o, what);
    }
  }

  /** Reads a record's header byte; the key and then the value follow. */
  public int readHeader(Input in) {
    try {
      return in.readByte() & 0xFF;
    } catch (KryoException e) {
      throw corrupt(e);
    }
  }

  /** The key's tag in a record header. */
  public static int keyTag(int header) {
    return header >>> 4;
  }

  /** The value's tag in a record header. */
  public static int valueTag(int header) {
    return header & 0xF;
  }

  /** Reads an object written with {@code tag} (not {@link #SAME_AS_KEY}). */
  public Object readTagged(Input in, int tag) {
    try {
      return switch (tag) {
        case NULL -> null;
        case LONG_VAR -> in.readVarLong(false);
        case LONG_FIXED -> in.readLong();
        case INT -> in.readVarInt(false);
        case DOUBLE -> Double.longBitsToDouble(in.readLong());
        case STRING -> in.readString();
        case OBJECT -> kryo.readClassAndObject(in);
        default -> throw new KindlingException("Could not read a shuffle record: unknown tag " + tag
            + ". The block is corrupt, or it was written by another version of Kindling.");
      };
    } catch (KryoException e) {
      throw corrupt(e);
    }
  }

  /**
   * Reads a {@link #LONG_VAR}, {@link #LONG_FIXED} or {@link #INT} object as a long, or a {@link #DOUBLE} as its
   * raw bits, without boxing it.
   */
  public long readPrimitive(Input in, int tag) {
    try {
      return switch (tag) {
        case LONG_VAR -> in.readVarLong(false);
        case LONG_FIXED, DOUBLE -> in.readLong();
        case INT -> in.readVarInt(false);
        default -> throw new IllegalArgumentException("not a primitive tag: " + tag);
      };
    } catch (KryoException e) {
      throw corrupt(e);
    }
  }

  /** Reads a whole record written by {@link #writeRecord} into {@code into}: {@code into[0]} key, [1] value. */
  public void readRecord(Input in, Object[] into) {
    int header = readHeader(in);
    Object key = readTagged(in, keyTag(header));
    int valueTag = valueTag(header);
    into[0] = key;
    into[1] = valueTag == SAME_AS_KEY ? key : readTagged(in, valueTag);
  }

  private static KindlingException corrupt(KryoException e) {
    return new KindlingException("Could not read a shuffle record: " + e.getMessage()
        + ". The block is corrupt, or a class changed between writing and reading it.", e);
  }

  /** Reads one object written by {@link #write}. */
  public Object read(Input in) {
    try {
      return kryo.readClassAndObject(in);
    } catch (KryoException e) {
      throw corrupt(e);
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
