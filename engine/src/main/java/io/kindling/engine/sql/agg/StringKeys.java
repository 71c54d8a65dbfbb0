package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.StringVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups by one string key; a dictionary-encoded batch is looked up once per distinct value. */
final class StringKeys implements GroupKeys {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> keysById = new ArrayList<>();
  private int nullGroup = -1;
  private String[] lastDictionary;
  private int[] lastDictionaryIds;

  @Override
  public void assign(ColumnVector[] keys, int n, int[] groupIds) {
    StringVector v = (StringVector) keys[0];
    if (v.isDictionary()) {
      String[] dict = v.dictionary();
      int[] perCode;
      if (dict == lastDictionary) {
        perCode = lastDictionaryIds;
      } else {
        perCode = new int[dict.length];
        Arrays.fill(perCode, -1);
        lastDictionary = dict;
        lastDictionaryIds = perCode;
      }
      int[] codes = v.codes();
      for (int i = 0; i < n; i++) {
        if (v.isNull(i)) {
          groupIds[i] = nullGroup();
        } else {
          int code = codes[i];
          int id = perCode[code];
          if (id < 0) {
            id = find(dict[code]);
            perCode[code] = id;
          }
          groupIds[i] = id;
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      String s = v.getString(i);
      groupIds[i] = s == null ? nullGroup() : find(s);
    }
  }

  private int nullGroup() {
    if (nullGroup < 0) {
      nullGroup = keysById.size();
      keysById.add(null);
    }
    return nullGroup;
  }

  private int find(String s) {
    Integer id = ids.get(s);
    if (id == null) {
      id = keysById.size();
      ids.put(s, id);
      keysById.add(s);
    }
    return id;
  }

  @Override
  public int numGroups() {
    return keysById.size();
  }

  @Override
  public ColumnVector[] keys(int from, int to) {
    String[] out = keysById.subList(from, to).toArray(new String[0]);
    return new ColumnVector[] {StringVector.of(out, to - from)};
  }
}
