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
import java.nio.charset.StandardCharsets;

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
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.numRows() * batch.numColumns() * 8);
      DataOutputStream out = new DataOutputStream(bytes);
      write(batch, out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static ColumnBatch decode(byte[] bytes) throws IOException {
    return read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  public static void write(ColumnBatch batch, DataOutputStream out) throws IOException {
    int n = batch.numRows();
    out.writeInt(n);
    out.writeInt(batch.numColumns());
    for (int c = 0; c < batch.numColumns(); c++) {
      ColumnVector v = batch.column(c);
      writeType(v.type(), out);
      writeNulls(v, out);
      if (v instanceof IntVector iv) {
        out.writeByte(INT);
        int[] a = iv.values();
        for (int i = 0; i < n; i++) {
          out.writeInt(a[i]);
        }
      } else if (v instanceof LongVector lv) {
        out.writeByte(LONG);
        long[] a = lv.values();
        for (int i = 0; i < n; i++) {
          out.writeLong(a[i]);
        }
      } else if (v instanceof DoubleVector dv) {
        out.writeByte(DOUBLE);
        double[] a = dv.values();
        for (int i = 0; i < n; i++) {
          out.writeDouble(a[i]);
        }
      } else if (v instanceof FloatVector fv) {
        out.writeByte(FLOAT);
        float[] a = fv.values();
        for (int i = 0; i < n; i++) {
          out.writeFloat(a[i]);
        }
      } else if (v instanceof BooleanVector bv) {
        out.writeByte(BOOLEAN);
        boolean[] a = bv.values();
        for (int i = 0; i < n; i++) {
          out.writeBoolean(a[i]);
        }
      } else if (v instanceof StringVector sv) {
        if (sv.isDictionary() && sv.dictionary().length <= n) {
          out.writeByte(STRING_DICT);
          String[] dict = sv.dictionary();
          out.writeInt(dict.length);
          for (String s : dict) {
            writeString(s, out);
          }
          int[] codes = sv.codes();
          for (int i = 0; i < n; i++) {
            out.writeInt(codes[i]);
          }
        } else {
          out.writeByte(STRING_PLAIN);
          for (int i = 0; i < n; i++) {
            writeString(sv.isNull(i) ? null : sv.getString(i), out);
          }
        }
      } else {
        out.writeByte(OBJECT);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(buf)) {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = v.get(i);
          }
          oos.writeObject(values);
        }
        out.writeInt(buf.size());
        buf.writeTo(out);
      }
    }
  }

  public static ColumnBatch read(DataInputStream in) throws IOException {
    int n = in.readInt();
    int cols = in.readInt();
    ColumnVector[] vectors = new ColumnVector[cols];
    for (int c = 0; c < cols; c++) {
      DataType type = readType(in);
      boolean[] nulls = readNulls(n, in);
      byte kind = in.readByte();
      switch (kind) {
        case INT -> {
          int[] a = new int[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
          }
          vectors[c] = new IntVector(type, a, nulls, n);
        }
        case LONG -> {
          long[] a = new long[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readLong();
          }
          vectors[c] = new LongVector(type, a, nulls, n);
        }
        case DOUBLE -> {
          double[] a = new double[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
          }
          vectors[c] = new DoubleVector(a, nulls, n);
        }
        case FLOAT -> {
          float[] a = new float[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
          }
          vectors[c] = new FloatVector(a, nulls, n);
        }
        case BOOLEAN -> {
          boolean[] a = new boolean[n];
          for (int i = 0; i < n; i++) {
            a[i] = in.readBoolean();
          }
          vectors[c] = new BooleanVector(a, nulls, n);
        }
        case STRING_DICT -> {
          String[] dict = new String[in.readInt()];
          for (int i = 0; i < dict.length; i++) {
            dict[i] = readString(in);
          }
          int[] codes = new int[n];
          for (int i = 0; i < n; i++) {
            codes[i] = in.readInt();
          }
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
          byte[] buf = new byte[in.readInt()];
          in.readFully(buf);
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

  private static void writeNulls(ColumnVector v, DataOutputStream out) throws IOException {
    boolean[] nulls = v.nulls();
    out.writeBoolean(nulls != null);
    if (nulls != null) {
      int n = v.size();
      for (int i = 0; i < n; i += 8) {
        int b = 0;
        for (int j = 0; j < 8 && i + j < n; j++) {
          if (nulls[i + j]) {
            b |= 1 << j;
          }
        }
        out.writeByte(b);
      }
    }
  }

  private static boolean[] readNulls(int n, DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i += 8) {
      int b = in.readUnsignedByte();
      for (int j = 0; j < 8 && i + j < n; j++) {
        nulls[i + j] = (b & (1 << j)) != 0;
      }
    }
    return nulls;
  }

  private static void writeString(String s, DataOutputStream out) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0) {
      return null;
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
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
