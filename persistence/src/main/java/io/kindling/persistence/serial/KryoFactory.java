package io.kindling.persistence.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Makes the Kryo instances that serialize users' data everywhere (cached blocks, checkpoints, shuffle blocks,
 * spill files): registration not required (users register nothing), references on (shared and cyclic object
 * graphs survive), classes without a no-argument constructor made anyway, JDK immutable and unmodifiable
 * collections and serializable lambdas handled, and Kindling's own and the common JDK types registered in a fixed
 * order so they cost one byte. A Kryo instance is not thread-safe: each caller keeps its own (per thread, or
 * pooled).
 */
public final class KryoFactory {
  private KryoFactory() {}

  /**
   * A configured Kryo that resolves classes through the calling thread's context class loader (where user classes
   * live). It resets its class and reference tables after each top-level object unless told otherwise
   * ({@code setAutoReset(false)}).
   */
  public static Kryo newKryo() {
    Kryo kryo = new Kryo(new LazyResetReferenceResolver());
    kryo.setRegistrationRequired(false);
    kryo.setWarnUnregisteredClasses(false);
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader != null) {
      kryo.setClassLoader(loader);
    }
    ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
    UnmodifiableSerializers.addDefaultSerializers(kryo);
    // The order below is the wire format: append only.
    kryo.register(Tuple2.class, new Tuple2Serializer());
    kryo.register(ArrayList.class);
    kryo.register(HashMap.class);
    kryo.register(LinkedHashMap.class);
    kryo.register(HashSet.class);
    kryo.register(LinkedHashSet.class);
    kryo.register(LinkedList.class);
    kryo.register(TreeMap.class);
    kryo.register(TreeSet.class);
    kryo.register(Optional.class);
    kryo.register(Object[].class);
    kryo.register(String[].class);
    kryo.register(byte[].class);
    kryo.register(int[].class);
    kryo.register(long[].class);
    kryo.register(double[].class);
    // Serializable lambdas, through their SerializedLambda (their generated classes can't be found by name).
    kryo.register(ClosureSerializer.Closure.class, new ClosureSerializer());
    return kryo;
  }

  /** Tuple2 is the record of every pair dataset: its two elements, each with its class. */
  static final class Tuple2Serializer extends Serializer<Tuple2<?, ?>> {
    @Override
    public void write(Kryo kryo, Output output, Tuple2<?, ?> t) {
      kryo.writeClassAndObject(output, t._1());
      kryo.writeClassAndObject(output, t._2());
    }

    @Override
    public Tuple2<?, ?> read(Kryo kryo, Input input, Class<? extends Tuple2<?, ?>> type) {
      Object a = kryo.readClassAndObject(input);
      Object b = kryo.readClassAndObject(input);
      return Tuple2.of(a, b);
    }
  }
}
