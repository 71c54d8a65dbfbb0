package io.kindling.engine.storage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

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
 * <p>Only records (rebuilt through their canonical constructor from copies of their components) and arrays of
 * primitives of at most {@value #MAX_ARRAY_LENGTH} elements are copied; anything else is kept as it is. A record
 * whose constructor can't be reached is kept, and so is every record of a class once its constructor has thrown
 * on a copy. Each element is copied on its own: a small array or record that two elements share becomes two equal
 * copies (a larger array stays shared), which keeps the copy a single pass with no identity table.
 */
final class CompactCopy {
  /** Records nested deeper than this are kept as they are (their fields are not walked further). */
  private static final int MAX_DEPTH = 8;
  /** Longer primitive arrays are kept: they are contiguous anyway, and may be shared by many records. */
  static final int MAX_ARRAY_LENGTH = 4096;

  /** How the objects of one class are copied; found once per class. */
  private interface Copier {
    Object copy(Object value, int depth);
  }

  private static final Copier KEEP = (value, depth) -> value;
  private static final Copier PRIMITIVE_ARRAY = (array, depth) -> {
    int n = Array.getLength(array);
    if (n > MAX_ARRAY_LENGTH) {
      return array;
    }
    Object copy = Array.newInstance(array.getClass().getComponentType(), n);
    System.arraycopy(array, 0, copy, 0, n);
    return copy;
  };
  private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
    @Override
    protected Copier computeValue(Class<?> type) {
      if (type.isArray()) {
        return type.getComponentType().isPrimitive() ? PRIMITIVE_ARRAY : KEEP;
      }
      return type.isRecord() ? RecordCopier.of(type) : KEEP;
    }
  };

  private CompactCopy() {}

  /** Copies of {@code values}, in a new array; {@code values} themselves are left unchanged. */
  static Object[] of(Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = copy(values[i], 0);
    }
    return out;
  }

  private static Object copy(Object value, int depth) {
    return value == null ? null : COPIERS.get(value.getClass()).copy(value, depth);
  }

  /** Takes a record apart through its accessors and builds a copy through its canonical constructor. */
  private static final class RecordCopier implements Copier {
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;
    /** Cleared when the constructor throws on a copy: the class's records are then kept as they are. */
    private volatile boolean usable = true;

    private RecordCopier(MethodHandle[] accessors, MethodHandle constructor) {
      this.accessors = accessors;
      this.constructor = constructor;
    }

    static Copier of(Class<?> type) {
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
        Class<?>[] objects = new Class<?>[types.length];
        Arrays.fill(objects, Object.class);
        MethodHandle constructor = lookup.unreflectConstructor(canonical)
            .asType(MethodType.methodType(Object.class, objects))
            .asSpreader(Object[].class, types.length);
        return new RecordCopier(accessors, constructor);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Not reachable from here (a module that doesn't open it): its records are kept as they are.
        return KEEP;
      }
    }

    @Override
    public Object copy(Object record, int depth) {
      if (depth >= MAX_DEPTH || !usable) {
        return record;
      }
      try {
        Object[] args = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
          args[i] = CompactCopy.copy(accessors[i].invokeExact(record), depth + 1);
        }
        return constructor.invokeExact(args);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // A constructor (or accessor) that checks more than its components: this class's records stay as they are.
        usable = false;
        return record;
      }
    }
  }
}
