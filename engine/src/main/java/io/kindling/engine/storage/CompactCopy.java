package io.kindling.engine.storage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Copies a partition's records into fresh objects allocated one after another, for a {@code MEMORY_ONLY} block.
 *
 * <p>A partition's objects are allocated while its function runs, among that function's garbage (parsing a line
 * leaves the line, the split array and a string per field around each record). Until a young collection moves
 * the survivors together, iterating them reads scattered memory: over 500,000 parsed points of ten doubles, 6–8×
 * slower than over the same points allocated in a row. An iterative job that caches and then loops may never
 * see that collection, since its iterations allocate little. The copy lays each record and its arrays out in
 * iteration order.
 *
 * <p>Only what can be copied without changing meaning is copied: records (rebuilt through their canonical
 * constructor from copies of their components) and arrays of primitives of at most {@value #MAX_ARRAY_LENGTH}
 * elements. Anything else is kept as it is, and so is a record whose constructor can't be reached or throws. Each
 * element is copied on its own: a small array or record that two elements share becomes two equal copies (a larger
 * array stays shared), which keeps the copy a single pass with no identity table.
 */
final class CompactCopy {
  /** Records nested deeper than this are kept as they are (their fields are not walked further). */
  private static final int MAX_DEPTH = 8;
  /** Longer primitive arrays are kept: they are contiguous anyway, and may be shared by many records. */
  static final int MAX_ARRAY_LENGTH = 4096;
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private CompactCopy() {}

  /** Copies of {@code values} in a new array; {@code values} itself is left unchanged. */
  static Object[] of(Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = copy(values[i], 0);
    }
    return out;
  }

  private static Object copy(Object value, int depth) {
    if (value == null) {
      return null;
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      return depth < MAX_DEPTH ? SHAPES.get(type).copy(value, depth) : value;
    }
    if (type.isArray() && type.getComponentType().isPrimitive()) {
      int n = Array.getLength(value);
      if (n > MAX_ARRAY_LENGTH) {
        return value;
      }
      Object copy = Array.newInstance(type.getComponentType(), n);
      System.arraycopy(value, 0, copy, 0, n);
      return copy;
    }
    return value;
  }

  /** How to take a record apart and build it again; {@code constructor} null when it can't be done. */
  private record Shape(MethodHandle[] accessors, MethodHandle constructor) {
    static Shape of(Class<?> type) {
      if (!type.isRecord()) {
        return new Shape(new MethodHandle[0], null);
      }
      try {
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] accessors = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int i = 0; i < components.length; i++) {
          components[i].getAccessor().setAccessible(true);
          accessors[i] = lookup.unreflect(components[i].getAccessor())
              .asType(MethodType.methodType(Object.class, Object.class));
          types[i] = components[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        MethodHandle constructor = lookup.unreflectConstructor(canonical)
            .asType(MethodType.methodType(Object.class, genericTypes(types.length)))
            .asSpreader(Object[].class, types.length);
        return new Shape(accessors, constructor);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Not reachable from here (a module that doesn't open it, a security manager): kept as it is.
        return new Shape(new MethodHandle[0], null);
      }
    }

    private static Class<?>[] genericTypes(int n) {
      Class<?>[] types = new Class<?>[n];
      java.util.Arrays.fill(types, Object.class);
      return types;
    }

    Object copy(Object record, int depth) {
      if (constructor == null) {
        return record;
      }
      try {
        Object[] args = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
          args[i] = CompactCopy.copy(accessors[i].invokeExact(record), depth + 1);
        }
        return constructor.invokeExact(args);
      } catch (Throwable e) {
        // A constructor that checks more than its components (or fails on a copy): the original is kept.
        return record;
      }
    }
  }
}
