package io.kindling.persistence.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Kryo serializers for the {@code Collections.unmodifiable*} views, which Kryo's collection serializers cannot
 * fill: the contents travel as a plain modifiable copy and are wrapped again on reading.
 */
final class UnmodifiableSerializers {
  private UnmodifiableSerializers() {}

  static void addDefaultSerializers(Kryo kryo) {
    add(kryo, Collections.unmodifiableCollection(new ArrayList<>()).getClass(), c -> new ArrayList<>((Collection<?>) c),
        c -> Collections.unmodifiableCollection((Collection<?>) c));
    add(kryo, Collections.unmodifiableList(new ArrayList<>()).getClass(), c -> new ArrayList<>((List<?>) c),
        c -> Collections.unmodifiableList((List<?>) c));
    add(kryo, Collections.unmodifiableList(new LinkedList<>()).getClass(),
        c -> new ArrayList<>((List<?>) c), c -> Collections.unmodifiableList((List<?>) c));
    add(kryo, Collections.unmodifiableSet(new LinkedHashSet<>()).getClass(), c -> new LinkedHashSet<>((Set<?>) c),
        c -> Collections.unmodifiableSet((Set<?>) c));
    add(kryo, Collections.unmodifiableSortedSet(new TreeSet<>()).getClass(),
        c -> new TreeSet<>((SortedSet<?>) c), c -> Collections.unmodifiableSortedSet((SortedSet<?>) c));
    add(kryo, Collections.unmodifiableNavigableSet(new TreeSet<>()).getClass(),
        c -> new TreeSet<>((SortedSet<?>) c), c -> Collections.unmodifiableNavigableSet((TreeSet<?>) c));
    add(kryo, Collections.unmodifiableMap(new LinkedHashMap<>()).getClass(),
        c -> new LinkedHashMap<>((Map<?, ?>) c), c -> Collections.unmodifiableMap((Map<?, ?>) c));
    add(kryo, Collections.unmodifiableSortedMap(new TreeMap<>()).getClass(),
        c -> new TreeMap<>((SortedMap<?, ?>) c), c -> Collections.unmodifiableSortedMap((SortedMap<?, ?>) c));
    add(kryo, Collections.unmodifiableNavigableMap(new TreeMap<>()).getClass(),
        c -> new TreeMap<>((SortedMap<?, ?>) c), c -> Collections.unmodifiableNavigableMap((TreeMap<?, ?>) c));
  }

  private static void add(Kryo kryo, Class<?> view, Function<Object, Object> copy, Function<Object, Object> wrap) {
    kryo.addDefaultSerializer(view, new Serializer<Object>() {
      @Override
      public void write(Kryo k, Output output, Object value) {
        k.writeClassAndObject(output, copy.apply(value));
      }

      @Override
      public Object read(Kryo k, Input input, Class<?> type) {
        return wrap.apply(k.readClassAndObject(input));
      }
    });
  }
}
