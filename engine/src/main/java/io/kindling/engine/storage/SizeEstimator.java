package io.kindling.engine.storage;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Estimates the heap size of a {@code MEMORY_ONLY} block from a sample of its elements, as Spark's
 * SizeEstimator does: walks a few elements' object graphs by reflection (assuming compressed references and
 * 8-byte alignment) and scales the average up. Cheap and approximate; used only for the memory budget and the
 * cached-bytes metric.
 */
public final class SizeEstimator {
  private static final int SAMPLES = 16;
  private static final int MAX_OBJECTS_PER_SAMPLE = 20_000;
  private static final int HEADER = 12;
  private static final int REFERENCE = 4;
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private SizeEstimator() {}

  /** The estimated bytes of an array holding {@code values} and of what they reference. */
  public static long estimate(Object[] values) {
    long n = values.length;
    long array = align(16 + REFERENCE * n);
    if (n == 0) {
      return array;
    }
    int samples = (int) Math.min(n, SAMPLES);
    long sampled = 0;
    for (int i = 0; i < samples; i++) {
      sampled += deepSize(values[(int) (i * n / samples)]);
    }
    return array + (long) ((double) sampled / samples * n);
  }

  /** The estimated bytes reachable from {@code root} (shared objects counted once). */
  static long deepSize(Object root) {
    if (root == null) {
      return 0;
    }
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    long total = 0;
    while (!todo.isEmpty() && seen.size() < MAX_OBJECTS_PER_SAMPLE) {
      Object o = todo.pop();
      if (!seen.add(o) || o instanceof Class<?> || o instanceof Enum<?>) {
        continue;
      }
      Class<?> type = o.getClass();
      if (o instanceof String s) {
        total += 24 + align(16 + s.length());
      } else if (type.isArray()) {
        total += arraySize(o, type.getComponentType(), todo);
      } else {
        Shape shape = SHAPES.get(type);
        total += shape.size;
        for (Field f : shape.references) {
          try {
            Object child = f.get(o);
            if (child != null) {
              todo.push(child);
            }
          } catch (IllegalAccessException | RuntimeException e) {
            // an unreadable field counts as its reference only
          }
        }
      }
    }
    return total;
  }

  private static long arraySize(Object array, Class<?> component, Deque<Object> todo) {
    int length = Array.getLength(array);
    if (component.isPrimitive()) {
      return align(16 + (long) primitiveSize(component) * length);
    }
    Object[] elements = (Object[]) array;
    for (Object e : elements) {
      if (e != null) {
        todo.push(e);
      }
    }
    return align(16 + (long) REFERENCE * length);
  }

  private static int primitiveSize(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  static long align(long size) {
    return (size + 7) & ~7L;
  }

  /** A class's shallow size and its readable reference fields. */
  private record Shape(long size, List<Field> references) {
    static Shape of(Class<?> type) {
      long size = HEADER;
      List<Field> refs = new ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          Class<?> ft = f.getType();
          size += ft.isPrimitive() ? primitiveSize(ft) : REFERENCE;
          if (!ft.isPrimitive() && trySetAccessible(f)) {
            refs.add(f);
          }
        }
      }
      return new Shape(align(size), List.copyOf(refs));
    }

    private static boolean trySetAccessible(Field f) {
      try {
        return f.trySetAccessible();
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
