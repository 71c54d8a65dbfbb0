package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.sql.types.DataType;
import java.util.Arrays;

/** Groups by one int-like key with an open-addressing table of ints. */
final class IntKeys implements GroupKeys {
  private final DataType type;
  private int[] slots = new int[1024];
  private int[] slotKeys = new int[1024];
  private int mask = 1023;
  private int[] keysById = new int[256];
  private int groups;
  private int nullGroup = -1;

  IntKeys(DataType type) {
    this.type = type;
  }

  @Override
  public void assign(ColumnVector[] keys, int n, int[] groupIds) {
    IntVector v = (IntVector) keys[0];
    int[] values = v.values();
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

  private int find(int key) {
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

  private int newGroup(int key) {
    if (groups == keysById.length) {
      keysById = Arrays.copyOf(keysById, groups * 2);
    }
    keysById[groups] = key;
    return groups++;
  }

  private void rehash() {
    int[] oldSlots = slots;
    int[] oldKeys = slotKeys;
    slots = new int[oldSlots.length * 2];
    slotKeys = new int[oldSlots.length * 2];
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
    return new ColumnVector[] {new IntVector(type, Arrays.copyOfRange(keysById, from, to), nulls, to - from)};
  }
}
