package io.kindling.hadoop.parquet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decodes one Parquet primitive column into a {@link ValueTarget}, as {@link ParquetSchemas} maps its type:
 * small and unsigned integers, dates, INT96 and INT64 timestamps (UTC-adjusted ones shown in the session zone),
 * strings (dictionary entries decoded once per dictionary) and binary.
 */
final class PrimitiveReader extends PrimitiveConverter {
  private enum Kind { BOOLEAN, INT, BYTE, SHORT, UINT8, UINT16, UINT32, DATE, LONG, TIMESTAMP, FLOAT, DOUBLE, INT96,
    STRING, BINARY }

  private final Kind kind;
  private final ValueTarget target;
  private final Zones zones;
  /** For INT64 timestamps: micros per unit (or a negative divisor for nanos), and whether UTC-adjusted. */
  private final long unitMicros;
  private final boolean utc;
  private Dictionary dictionary;
  private byte[][] dictionaryBytes;

  PrimitiveReader(PrimitiveType type, ValueTarget target, Zones zones) {
    this.target = target;
    this.zones = zones;
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    long unit = 1;
    boolean adjusted = true;
    this.kind = switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INT32 -> {
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          yield Kind.DATE;
        }
        if (a instanceof IntLogicalTypeAnnotation i) {
          yield i.isSigned() ? (i.getBitWidth() == 8 ? Kind.BYTE : i.getBitWidth() == 16 ? Kind.SHORT : Kind.INT)
              : (i.getBitWidth() == 8 ? Kind.UINT8 : i.getBitWidth() == 16 ? Kind.UINT16 : Kind.UINT32);
        }
        yield Kind.INT;
      }
      case INT64 -> {
        if (a instanceof TimestampLogicalTypeAnnotation ts) {
          unit = switch (ts.getUnit()) {
            case MILLIS -> 1000;
            case MICROS -> 1;
            case NANOS -> -1000;
          };
          adjusted = ts.isAdjustedToUTC();
          yield Kind.TIMESTAMP;
        }
        yield Kind.LONG;
      }
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case INT96 -> Kind.INT96;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> a == null || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation
          ? Kind.BINARY : Kind.STRING;
    };
    this.unitMicros = unit;
    this.utc = adjusted;
  }

  @Override
  public boolean hasDictionarySupport() {
    return true;
  }

  @Override
  public void setDictionary(Dictionary dictionary) {
    this.dictionary = dictionary;
    this.dictionaryBytes = null;
    if (kind == Kind.STRING) {
      byte[][] bytes = new byte[dictionary.getMaxId() + 1][];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = dictionary.decodeToBinary(i).getBytes();
      }
      this.dictionaryBytes = bytes;
    }
  }

  @Override
  public void addValueFromDictionary(int id) {
    switch (kind) {
      case STRING -> target.setString(dictionaryBytes[id], 0, dictionaryBytes[id].length);
      case BOOLEAN -> addBoolean(dictionary.decodeToBoolean(id));
      case FLOAT -> addFloat(dictionary.decodeToFloat(id));
      case DOUBLE -> addDouble(dictionary.decodeToDouble(id));
      case LONG, TIMESTAMP -> addLong(dictionary.decodeToLong(id));
      case INT96, BINARY -> addBinary(dictionary.decodeToBinary(id));
      default -> addInt(dictionary.decodeToInt(id));
    }
  }

  @Override
  public void addBoolean(boolean value) {
    target.setBoolean(value);
  }

  @Override
  public void addInt(int value) {
    switch (kind) {
      case BYTE -> target.setByte((byte) value);
      case SHORT -> target.setShort((short) value);
      case UINT8 -> target.setShort((short) (value & 0xff));
      case UINT16 -> target.setInt(value & 0xffff);
      case UINT32 -> target.setLong(value & 0xffffffffL);
      case DATE -> target.setDate(value);
      default -> target.setInt(value);
    }
  }

  @Override
  public void addLong(long value) {
    if (kind == Kind.TIMESTAMP) {
      long micros = unitMicros > 0 ? Math.multiplyExact(value, unitMicros) : Math.floorDiv(value, -unitMicros);
      target.setTimestamp(utc ? zones.instantToLocal(micros) : micros);
    } else {
      target.setLong(value);
    }
  }

  @Override
  public void addFloat(float value) {
    target.setFloat(value);
  }

  @Override
  public void addDouble(double value) {
    target.setDouble(value);
  }

  @Override
  public void addBinary(Binary value) {
    switch (kind) {
      case INT96 -> target.setTimestamp(zones.instantToLocal(Int96.toEpochMicros(value)));
      case BINARY -> target.setBinary(value.getBytes());
      default -> {
        ByteBuffer b = value.toByteBuffer();
        if (b.hasArray()) {
          target.setString(b.array(), b.arrayOffset() + b.position(), b.remaining());
        } else {
          byte[] bytes = value.getBytes();
          target.setString(bytes, 0, bytes.length);
        }
      }
    }
  }

  /** The boxed form of values, for nested ones. */
  static ValueTarget boxing(java.util.function.Consumer<Object> sink) {
    return new ValueTarget() {
      @Override
      public void setBoolean(boolean v) {
        sink.accept(v);
      }

      @Override
      public void setInt(int v) {
        sink.accept(v);
      }

      @Override
      public void setByte(byte v) {
        sink.accept(v);
      }

      @Override
      public void setShort(short v) {
        sink.accept(v);
      }

      @Override
      public void setLong(long v) {
        sink.accept(v);
      }

      @Override
      public void setFloat(float v) {
        sink.accept(v);
      }

      @Override
      public void setDouble(double v) {
        sink.accept(v);
      }

      @Override
      public void setDate(int epochDay) {
        sink.accept(java.time.LocalDate.ofEpochDay(epochDay));
      }

      @Override
      public void setTimestamp(long localMicros) {
        sink.accept(io.kindling.engine.format.DateTimes.toLocalDateTime(localMicros));
      }

      @Override
      public void setString(byte[] utf8, int offset, int length) {
        sink.accept(new String(utf8, offset, length, StandardCharsets.UTF_8));
      }

      @Override
      public void setBinary(byte[] value) {
        sink.accept(value);
      }

      @Override
      public void setObject(Object value) {
        sink.accept(value);
      }
    };
  }
}
