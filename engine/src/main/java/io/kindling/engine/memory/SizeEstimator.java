package io.kindling.engine.memory;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Estimates the heap bytes an object graph occupies on a 64-bit JVM (with compressed references when the heap is
 * under 32 GiB), as Spark's SizeEstimator does: object headers, fields, arrays and alignment, each object counted
 * once. Large arrays are estimated from a sample of their elements, and a walk stops counting after a bounded
 * number of objects, so an estimate stays cheap and approximate. Fields the module system does not let us read
 * count for their own slot only; classes and enum constants (shared by everyone) count nothing. Used for the
 * memory budgets of {@code MEMORY_ONLY} blocks and of shuffle combine and sort buffers, and the cached-bytes
 * metric.
 */
public final class SizeEstimator {
  private static final boolean COMPRESSED = Runtime.getRuntime().maxMemory() < (32L << 30);
  private static final int REF = COMPRESSED ? 4 : 8;
  private static final int OBJECT_HEADER = COMPRESSED ? 12 : 16;
  private static final int ARRAY_HEADER = COMPRESSED ? 16 : 24;
  private static final int ARRAY_SAMPLE_THRESHOLD = 400;
  private static final int ARRAY_SAMPLES = 100;
  private static final int MAX_OBJECTS_PER_WALK = 100_000;
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private SizeEstimator() {}

  /** The estimated deep size of {@code value} in bytes (0 for null). */
  public static long estimate(Object value) {
    if (value == null) {
      return 0;
    }
    long quick = quickSize(value);
    if (quick >= 0) {
      return quick;
    }
    return new Walk().run(value);
  }

  /** The shallow size of an array of {@code length} references. */
  public static long referenceArray(long length) {
    return align(ARRAY_HEADER + length * REF);
  }

  /** The shallow size of an int array. */
  public static long intArray(long length) {
    return align(ARRAY_HEADER + length * 4);
  }

  /** Sizes of leaf types without walking them; -1 when the value needs a walk. */
  private static long quickSize(Object v) {
    Class<?> c = v.getClass();
    if (c == String.class) {
      return stringSize((String) v);
    }
    if (c == Long.class || c == Double.class) {
      return align(OBJECT_HEADER + 8);
    }
    if (c == Integer.class || c == Float.class || c == Short.class || c == Byte.class || c == Character.class
        || c == Boolean.class) {
      return align(OBJECT_HEADER + 4);
    }
    if (v instanceof Class<?> || v instanceof Enum<?>) {
      return 0;
    }
    return -1;
  }

  private static long stringSize(String s) {
    // String object (header, hash, coder, value ref) plus its byte[]; Latin-1 when it can be.
    return 24 + align(ARRAY_HEADER + (long) s.length() * (isLatin1(s) ? 1 : 2));
  }

  private static boolean isLatin1(String s) {
    int n = Math.min(s.length(), 16);
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  static long align(long size) {
    return (size + 7) & ~7L;
  }

  private static int primitiveSize(Class<?> t) {
    if (t == long.class || t == double.class) {
      return 8;
    }
    if (t == int.class || t == float.class) {
      return 4;
    }
    if (t == short.class || t == char.class) {
      return 2;
    }
    return 1;
  }

  /** Shallow size and readable reference fields of a class. */
  private record Shape(long shallow, Field[] references) {
    static Shape of(Class<?> c) {
      long size = OBJECT_HEADER;
      List<Field> refs = new ArrayList<>();
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          if (f.getType().isPrimitive()) {
            size += primitiveSize(f.getType());
          } else {
            size += REF;
            if (trySetAccessible(f)) {
              refs.add(f);
            }
          }
        }
      }
      return new Shape(align(size), refs.toArray(new Field[0]));
    }

    private static boolean trySetAccessible(Field f) {
      try {
        return f.trySetAccessible();
      } catch (RuntimeException e) {
        // not opened to us: the referenced object is not counted
        return false;
      }
    }
  }

  /** One traversal, counting each object once. */
  private static final class Walk {
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(42);

    long run(Object root) {
      long total = 0;
      enqueue(root);
      while (!todo.isEmpty() && seen.size() <= MAX_OBJECTS_PER_WALK) {
        total += visit(todo.poll());
      }
      return total;
    }

    private void enqueue(Object o) {
      if (o != null && seen.put(o, Boolean.TRUE) == null) {
        todo.add(o);
      }
    }

    private long visit(Object o) {
      long quick = quickSize(o);
      if (quick >= 0) {
        return quick;
      }
      Class<?> c = o.getClass();
      if (c.isArray()) {
        return visitArray(o, c.getComponentType());
      }
      Shape shape = SHAPES.get(c);
      for (Field f : shape.references()) {
        try {
          enqueue(f.get(o));
        } catch (IllegalAccessException | RuntimeException e) {
          // unreadable: its target is not counted
        }
      }
      return shape.shallow();
    }

    private long visitArray(Object array, Class<?> component) {
      int length = Array.getLength(array);
      if (component.isPrimitive()) {
        return align(ARRAY_HEADER + (long) length * primitiveSize(component));
      }
      long shallow = align(ARRAY_HEADER + (long) length * REF);
      Object[] elements = (Object[]) array;
      if (length <= ARRAY_SAMPLE_THRESHOLD) {
        for (Object e : elements) {
          enqueue(e);
        }
        return shallow;
      }
      // Large array: size a random sample of its elements in separate walks and extrapolate.
      long sampled = 0;
      for (int i = 0; i < ARRAY_SAMPLES; i++) {
        Object e = elements[random.nextInt(length)];
        if (e != null && !seen.containsKey(e)) {
          sampled += estimate(e);
        }
      }
      return shallow + sampled * length / ARRAY_SAMPLES;
    }
  }
}
