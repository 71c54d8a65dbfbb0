package io.kindling.persistence.block;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Kryo instances for serializing users' records, pooled (a Kryo instance is not thread-safe and costly to make).
 * Classes need no registration, classes without a no-argument constructor are instantiated without one, records
 * the JDK's immutable collections and serializable lambdas are handled, and references are tracked (shared and cyclic objects survive).
 */
final class KryoPool {
  private static final Pool<Kryo> POOL = new Pool<>(true, true) {
    @Override
    protected Kryo create() {
      Kryo kryo = new Kryo();
      kryo.setRegistrationRequired(false);
      kryo.setWarnUnregisteredClasses(false);
      kryo.setReferences(true);
      // Chunks are written element after element with one Kryo; class names and references are reset by hand at
      // chunk boundaries, so a class name is written once a chunk, not once an element.
      kryo.setAutoReset(false);
      kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
      ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
      // Serializable lambdas, through their SerializedLambda (their generated classes can't be found by name).
      kryo.register(ClosureSerializer.Closure.class, new ClosureSerializer());
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
