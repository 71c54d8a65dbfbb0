package io.kindling.persistence.serial;

import com.esotericsoftware.kryo.util.MapReferenceResolver;

/**
 * Kryo's map-based reference tracking, reset only when a reference was recorded since the last reset. Kryo
 * resets after every top-level object; records of strings and boxed numbers record no references, and for them
 * the reset was a measurable share of shuffle time.
 */
final class LazyResetReferenceResolver extends MapReferenceResolver {
  private boolean dirty;

  @Override
  public int addWrittenObject(Object object) {
    dirty = true;
    return super.addWrittenObject(object);
  }

  @Override
  public int nextReadId(Class type) {
    dirty = true;
    return super.nextReadId(type);
  }

  @Override
  public void reset() {
    if (dirty) {
      dirty = false;
      super.reset();
    }
  }
}
