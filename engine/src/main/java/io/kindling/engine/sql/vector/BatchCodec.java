package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of a column batch, for shuffles, broadcasts, caches and spills: per column its type, its
 * null mask as bits, then its values (strings as a dictionary or as UTF-8 with lengths).
 */
public final class BatchCodec {
  private static final byte INT = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte FLOAT = 4;
  private static final byte BOOLEAN = 5;
  private static final byte STRING_PLAIN = 6;
  private static final byte STRING_DICT = 7;
  private static final byte OBJECT = 8;

  private BatchCodec() {}

  public static byte[] encode(ColumnBatch batch) {
    try {
      return encodeFast(batch);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static ColumnBatch decode(byte[] bytes) throws IOException {
    return decodeFast(ByteBuffer.wrap(bytes));
  }

  /** Writes a batch to a stream, length first, so that {@link #read} can decode it a whole array at a time. */
  public static void write(ColumnBatch batch, DataOutputStream out) throws IOException {
    byte[] bytes = encodeFast(batch);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  // The bulk paths below write and read the same bytes as DataOutputStream/DataInputStream (big-endian), a
  // whole array at a time instead of one stream call a value.

  private static byte[] encodeFast(ColumnBatch batch) throws IOException {
    int n = batch.numRows();
    Sink out = new Sink(64 + n * batch.numColumns() * 9);
    out.buf.putInt(n);
    out.buf.putInt(batch.numColumns());
    for (int c = 0; c < batch.numColumns(); c++) {
      ColumnVector v = batch.column(c);
      out.bytes(typeBytes(v.type()));
      writeNulls(v, out);
      if (v instanceof IntVector iv) {
        out.ensure(1 + 4L * n);
        out.buf.put(INT);
        out.buf.asIntBuffer().put(iv.values(), 0, n);
        out.buf.position(out.buf.position() + 4 * n);
      } else if (v instanceof LongVector lv) {
        out.ensure(1 + 8L * n);
        out.buf.put(LONG);
        out.buf.asLongBuffer().put(lv.values(), 0, n);
        out.buf.position(out.buf.position() + 8 * n);
      } else if (v instanceof DoubleVector dv) {
        out.ensure(1 + 8L * n);
        out.buf.put(DOUBLE);
        double[] a = dv.values();
        for (int i = 0; i < n; i++) {
          // DataOutputStream.writeDouble writes doubleToLongBits (NaNs collapsed).
          out.buf.putLong(Double.doubleToLongBits(a[i]));
        }
      } else if (v instanceof FloatVector fv) {
        out.ensure(1 + 4L * n);
        out.buf.put(FLOAT);
        float[] a = fv.values();
        for (int i = 0; i < n; i++) {
          out.buf.putInt(Float.floatToIntBits(a[i]));
        }
      } else if (v instanceof BooleanVector bv) {
        out.ensure(1 + (long) n);
        out.buf.put(BOOLEAN);
        boolean[] a = bv.values();
        for (int i = 0; i < n; i++) {
          out.buf.put(a[i] ? (byte) 1 : (byte) 0);
        }
      } else if (v instanceof StringVector sv) {
        if (sv.isDictionary() && sv.dictionary().length <= n) {
          out.ensure(5);
          out.buf.put(STRING_DICT);
          String[] dict = sv.dictionary();
          out.buf.putInt(dict.length);
          for (String s : dict) {
            writeString(s, out);
          }
          out.ensure(4L * n);
          out.buf.asIntBuffer().put(sv.codes(), 0, n);
          out.buf.position(out.buf.position() + 4 * n);
        } else {
          out.ensure(1);
          out.buf.put(STRING_PLAIN);
          for (int i = 0; i < n; i++) {
            writeString(sv.isNull(i) ? null : sv.getString(i), out);
          }
        }
      } else {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(buf)) {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = v.get(i);
          }
          oos.writeObject(values);
        }
        out.ensure(5);
        out.buf.put(OBJECT);
        out.buf.putInt(buf.size());
        out.bytes(buf.toByteArray());
      }
    }
    return Arrays.copyOf(out.buf.array(), out.buf.position());
  }

  /** A growable big-endian byte buffer. */
  private static final class Sink {
    ByteBuffer buf;

    Sink(int capacity) {
      buf = ByteBuffer.allocate(Math.max(capacity, 64));
    }

    void ensure(long more) {
      if (buf.remaining() < more) {
        long want = Math.max((long) buf.capacity() * 2, buf.position() + more);
        if (want > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("A column batch is too large to encode (" + want + " bytes)");
        }
        ByteBuffer bigger = ByteBuffer.allocate((int) want);
        buf.flip();
        bigger.put(buf);
        buf = bigger;
      }
    }

    void bytes(byte[] b) {
      ensure(b.length);
      buf.put(b);
    }
  }

  private static byte[] typeBytes(DataType t) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    DataOutputStream out = new DataOutputStream(bytes);
    writeType(t, out);
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeNulls(ColumnVector v, Sink out) {
    boolean[] nulls = v.nulls();
    int n = v.size();
    out.ensure(1 + (n + 7) / 8);
    out.buf.put(nulls != null ? (byte) 1 : (byte) 0);
    if (nulls != null) {
      for (int i = 0; i < n; i += 8) {
        int b = 0;
        for (int j = 0; j < 8 && i + j < n; j++) {
          if (nulls[i + j]) {
            b |= 1 << j;
          }
        }
        out.buf.put((byte) b);
      }
    }
  }

  private static void writeString(String s, Sink out) {
    if (s == null) {
      out.ensure(4);
      out.buf.putInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.ensure(4L + b.length);
    out.buf.putInt(b.length);
    out.buf.put(b);
  }

  private static ColumnBatch decodeFast(ByteBuffer in) throws IOException {
    int n = in.getInt();
    int cols = in.getInt();
    ColumnVector[] vectors = new ColumnVector[cols];
    for (int c = 0; c < cols; c++) {
      DataType type = readType(in);
      boolean[] nulls = readNulls(n, in);
      byte kind = in.get();
      switch (kind) {
        case INT -> {
          int[] a = new int[n];
          in.asIntBuffer().get(a);
          in.position(in.position() + 4 * n);
          vectors[c] = new IntVector(type, a, nulls, n);
        }
        case LONG -> {
          long[] a = new long[n];
          in.asLongBuffer().get(a);
          in.position(in.position() + 8 * n);
          vectors[c] = new LongVector(type, a, nulls, n);
        }
        case DOUBLE -> {
          double[] a = new double[n];
          in.asDoubleBuffer().get(a);
          in.position(in.position() + 8 * n);
          vectors[c] = new DoubleVector(a, nulls, n);
        }
        case FLOAT -> {
          float[] a = new float[n];
          in.asFloatBuffer().get(a);
          in.position(in.position() + 4 * n);
          vectors[c] = new FloatVector(a, nulls, n);
        }
        case BOOLEAN -> {
          boolean[] a = new boolean[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.get() != 0;
          }
          vectors[c] = new BooleanVector(a, nulls, n);
        }
        case STRING_DICT -> {
          String[] dict = new String[in.getInt()];
          for (int i = 0; i < dict.length; i++) {
            dict[i] = readString(in);
          }
          int[] codes = new int[n];
          in.asIntBuffer().get(codes);
          in.position(in.position() + 4 * n);
          vectors[c] = StringVector.dictionary(dict, codes, nulls, n);
        }
        case STRING_PLAIN -> {
          String[] a = new String[n];
          for (int i = 0; i < n; i++) {
            a[i] = readString(in);
          }
          vectors[c] = StringVector.of(a, n);
        }
        case OBJECT -> {
          byte[] buf = new byte[in.getInt()];
          in.get(buf);
          try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(buf))) {
            vectors[c] = new ObjectVector(type, (Object[]) ois.readObject(), n);
          } catch (ClassNotFoundException e) {
            throw new IOException(e);
          }
        }
        default -> throw new IOException("unknown vector kind " + kind);
      }
    }
    return new ColumnBatch(vectors, n);
  }

  private static DataType readType(ByteBuffer in) throws IOException {
    int at = in.position();
    byte[] a = in.array();
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(a, in.arrayOffset() + at,
        a.length - in.arrayOffset() - at));
    int before = data.available();
    DataType t = readType(data);
    in.position(at + before - data.available());
    return t;
  }

  private static boolean[] readNulls(int n, ByteBuffer in) {
    if (in.get() == 0) {
      return null;
    }
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i += 8) {
      int b = in.get() & 0xFF;
      for (int j = 0; j < 8 && i + j < n; j++) {
        nulls[i + j] = (b & (1 << j)) != 0;
      }
    }
    return nulls;
  }

  private static String readString(ByteBuffer in) {
    int len = in.getInt();
    if (len < 0) {
      return null;
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
    in.position(in.position() + len);
    return s;
  }

  /** Reads a batch written by {@link #write}: its encoded length, then the bytes {@link #decode} reads. */
  public static ColumnBatch read(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return decode(bytes);
  }

  static void writeType(DataType t, DataOutputStream out) throws IOException {
    if (t instanceof io.kindling.sql.types.ArrayType a) {
      out.writeByte('A');
      out.writeBoolean(a.containsNull());
      writeType(a.elementType(), out);
    } else if (t instanceof io.kindling.sql.types.StructType st) {
      out.writeByte('S');
      out.writeInt(st.size());
      for (io.kindling.sql.types.StructField f : st) {
        out.writeUTF(f.name());
        out.writeBoolean(f.nullable());
        writeType(f.dataType(), out);
      }
    } else {
      out.writeByte('T');
      out.writeUTF(t.toString());
    }
  }

  static DataType readType(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    if (tag == 'A') {
      boolean containsNull = in.readBoolean();
      return new io.kindling.sql.types.ArrayType(readType(in), containsNull);
    }
    if (tag == 'S') {
      int n = in.readInt();
      java.util.List<io.kindling.sql.types.StructField> fields = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        boolean nullable = in.readBoolean();
        fields.add(new io.kindling.sql.types.StructField(name, readType(in), nullable));
      }
      return new io.kindling.sql.types.StructType(fields);
    }
    return ATOMIC.get(in.readUTF());
  }

  private static final java.util.Map<String, DataType> ATOMIC = java.util.Map.ofEntries(
      java.util.Map.entry("StringType", DataTypes.StringType), java.util.Map.entry("IntegerType", DataTypes.IntegerType),
      java.util.Map.entry("LongType", DataTypes.LongType), java.util.Map.entry("DoubleType", DataTypes.DoubleType),
      java.util.Map.entry("FloatType", DataTypes.FloatType), java.util.Map.entry("ShortType", DataTypes.ShortType),
      java.util.Map.entry("ByteType", DataTypes.ByteType), java.util.Map.entry("BooleanType", DataTypes.BooleanType),
      java.util.Map.entry("DateType", DataTypes.DateType), java.util.Map.entry("TimestampType", DataTypes.TimestampType),
      java.util.Map.entry("BinaryType", DataTypes.BinaryType), java.util.Map.entry("NullType", DataTypes.NullType));
}
