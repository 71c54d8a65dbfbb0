package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.List;

/** Maps the key values of rows to dense group ids (0, 1, 2, …) in order of first appearance. */
public interface GroupKeys {

  /** Writes the group id of each of the first {@code n} rows of {@code keys} into {@code groupIds}. */
  void assign(ColumnVector[] keys, int n, int[] groupIds);

  int numGroups();

  /** The key values of groups {@code [from, to)}, one vector per key column. */
  ColumnVector[] keys(int from, int to);

  /** The best table for keys of these types. */
  static GroupKeys forTypes(List<DataType> types) {
    if (types.isEmpty()) {
      return new NoKeys();
    }
    if (types.size() == 1) {
      DataType t = types.get(0);
      if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.DateType) || t.equals(DataTypes.ShortType)
          || t.equals(DataTypes.ByteType)) {
        return new IntKeys(t);
      }
      if (t.equals(DataTypes.LongType) || t.equals(DataTypes.TimestampType)) {
        return new LongKeys(t);
      }
      if (t.equals(DataTypes.StringType)) {
        return new StringKeys();
      }
    }
    return new GenericKeys(types);
  }

  /** A 32-bit mix of an int (murmur3's finalizer), for hash tables. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  static int mix(long v) {
    return mix((int) (v ^ (v >>> 32)) * 0x9E3779B9 + (int) v);
  }

  static boolean isInt(ColumnVector v) {
    return v instanceof IntVector;
  }

  static boolean isLong(ColumnVector v) {
    return v instanceof LongVector;
  }

  static boolean isString(ColumnVector v) {
    return v instanceof StringVector;
  }
}
