package io.kindling.persistence;

import java.io.File;
import java.lang.reflect.Method;
import java.util.List;
import net.openhft.compiler.CachedCompiler;

/**
 * Build step (run by this module's pom after compiling): writes the native value classes that Chronicle Map needs
 * into the module's class directory, so that they ship in its jar. Without them, Chronicle Values generates each
 * one's Java source and compiles it with javac in the running JVM the first time a map is made — about a second
 * of a cold JVM's time on the first shuffle or off-heap block of every process. It looks for a class of the same
 * name with its value interface's class loader first, and takes the shipped one.
 *
 * <p>The source is Chronicle's own generator's output for the installed version: the build makes it again
 * whenever the dependency changes, so it never goes stale.
 */
public final class NativeValueClasses {
  /** The value interfaces Chronicle Map instantiates natively in every map (its global mutable state header). */
  static final List<String> VALUE_INTERFACES = List.of("net.openhft.chronicle.hash.VanillaGlobalMutableState");

  private NativeValueClasses() {}

  /** Usage: {@code NativeValueClasses CLASS_DIRECTORY}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NativeValueClasses CLASS_DIRECTORY");
    }
    File classes = new File(args[0]);
    try (CachedCompiler compiler = new CachedCompiler(null, classes)) {
      for (String name : VALUE_INTERFACES) {
        Class<?> valueInterface = Class.forName(name);
        String className = nativeClassName(valueInterface);
        String source = nativeSource(valueInterface, className.substring(className.lastIndexOf('.') + 1));
        compiler.loadFromJava(NativeValueClasses.class.getClassLoader(), className, source);
        System.out.println("wrote " + className + " to " + classes);
      }
    }
  }

  /** The name Chronicle Values loads the native implementation of {@code valueInterface} by. */
  static String nativeClassName(Class<?> valueInterface) throws ReflectiveOperationException {
    Object model = valueModel(valueInterface);
    Method simpleName = model.getClass().getDeclaredMethod("simpleName");
    simpleName.setAccessible(true);
    return valueInterface.getPackageName() + "." + simpleName.invoke(model) + "$$Native";
  }

  private static String nativeSource(Class<?> valueInterface, String simpleName) throws ReflectiveOperationException {
    Class<?> generators = Class.forName("net.openhft.chronicle.values.Generators");
    Class<?> modelClass = Class.forName("net.openhft.chronicle.values.ValueModel");
    Method generate = generators.getDeclaredMethod("generateNativeClass", modelClass, String.class);
    generate.setAccessible(true);
    return (String) generate.invoke(null, valueModel(valueInterface), simpleName);
  }

  private static Object valueModel(Class<?> valueInterface) throws ReflectiveOperationException {
    return Class.forName("net.openhft.chronicle.values.ValueModel").getMethod("acquire", Class.class)
        .invoke(null, valueInterface);
  }
}
