package io.kindling.persistence.block;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.Pool;
import io.kindling.persistence.serial.KryoFactory;

/**
 * The Kryo instances of the block codec, pooled (a Kryo instance is not thread-safe and costly to make),
 * configured by {@link KryoFactory}.
 */
final class KryoPool {
  private static final Pool<Kryo> POOL = new Pool<>(true, true) {
    @Override
    protected Kryo create() {
      Kryo kryo = KryoFactory.newKryo();
      // Chunks are written element after element with one Kryo; class names and references are reset by hand at
      // chunk boundaries, so a class name is written once a chunk, not once an element.
      kryo.setAutoReset(false);
      return kryo;
    }
  };

  private KryoPool() {}

  /** A Kryo resolving classes through the calling thread's context class loader (where user classes live). */
  static Kryo borrow() {
    Kryo kryo = POOL.obtain();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    kryo.setClassLoader(loader != null ? loader : KryoPool.class.getClassLoader());
    return kryo;
  }

  static void release(Kryo kryo) {
    kryo.reset();
    POOL.free(kryo);
  }
}
