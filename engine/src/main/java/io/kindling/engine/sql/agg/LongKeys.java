package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.sql.types.DataType;
import java.util.Arrays;

/** Groups by one long or timestamp key with an open-addressing table of longs. */
final class LongKeys implements GroupKeys {
  private final DataType type;
  private int[] slots = new int[1024];
  private long[] slotKeys = new long[1024];
  private int mask = 1023;
  private long[] keysById = new long[256];
  private int groups;
  private int nullGroup = -1;

  LongKeys(DataType type) {
    this.type = type;
  }

  @Override
  public void assign(ColumnVector[] keys, int n, int[] groupIds) {
    LongVector v = (LongVector) keys[0];
    long[] values = v.values();
    boolean[] nulls = v.nulls();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        if (nullGroup < 0) {
          nullGroup = newGroup(0);
        }
        groupIds[i] = nullGroup;
      } else {
        groupIds[i] = find(values[i]);
      }
    }
  }

  private int find(long key) {
    int pos = GroupKeys.mix(key) & mask;
    while (true) {
      int slot = slots[pos];
      if (slot == 0) {
        int id = newGroup(key);
        slots[pos] = id + 1;
        slotKeys[pos] = key;
        if (groups * 2 > slots.length) {
          rehash();
        }
        return id;
      }
      if (slotKeys[pos] == key && slot - 1 != nullGroup) {
        return slot - 1;
      }
      pos = (pos + 1) & mask;
    }
  }

  private int newGroup(long key) {
    if (groups == keysById.length) {
      keysById = Arrays.copyOf(keysById, groups * 2);
    }
    keysById[groups] = key;
    return groups++;
  }

  private void rehash() {
    int[] oldSlots = slots;
    long[] oldKeys = slotKeys;
    slots = new int[oldSlots.length * 2];
    slotKeys = new long[oldSlots.length * 2];
    mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int pos = GroupKeys.mix(oldKeys[i]) & mask;
        while (slots[pos] != 0) {
          pos = (pos + 1) & mask;
        }
        slots[pos] = oldSlots[i];
        slotKeys[pos] = oldKeys[i];
      }
    }
  }

  @Override
  public int numGroups() {
    return groups;
  }

  @Override
  public ColumnVector[] keys(int from, int to) {
    boolean[] nulls = null;
    if (nullGroup >= from && nullGroup < to) {
      nulls = new boolean[to - from];
      nulls[nullGroup - from] = true;
    }
    return new ColumnVector[] {new LongVector(type, Arrays.copyOfRange(keysById, from, to), nulls, to - from)};
  }
}
