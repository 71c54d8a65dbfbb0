package io.kindling.ops;

import com.typesafe.config.ConfigFactory;
import io.kindling.KindlingException;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kindling submit} (or {@code driver}): runs an application's main class as the driver of a running
 * cluster. Its {@code KindlingSession.builder()} finds the cluster in {@code kindling.master}, set here as a
 * system property, unless the application names a master itself (as with Spark's spark-submit), and ships the
 * application's jar to the workers through {@code kindling.cluster.app-jars}.
 */
@Command(name = "submit", aliases = "driver", mixinStandardHelpOptions = true,
    description = {"Runs an application's main class as a driver of a running cluster. Its sessions ship the",
        "jar to the workers, which load the application's classes from it."})
final class SubmitCommand implements Callable<Integer> {
  static final String APP_JARS = "kindling.cluster.app-jars";

  @Option(names = "--class", required = true, paramLabel = "CLASS", description = "The application's main class.")
  String mainClass;

  @Option(names = "--master", paramLabel = "kindling://HOST:PORT",
      description = "Any member of the cluster (default: kindling://127.0.0.1:2552).")
  String master = "kindling://127.0.0.1:2552";

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A setting for the application's sessions.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Parameters(index = "0", paramLabel = "APP.jar", description = "The application's jar.")
  File jar;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments of the main class.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!jar.isFile()) {
      throw new KindlingException("Application jar " + jar + " does not exist");
    }
    System.setProperty("kindling.master", master);
    // The sessions ship the jar to their workers (kindling.cluster.app-jars), as spark-submit ships spark.jars.
    String jars = System.getProperty(APP_JARS, "");
    System.setProperty(APP_JARS, (jars.isBlank() ? "" : jars + ",") + jar.getAbsolutePath());
    conf.forEach(System::setProperty);
    ConfigFactory.invalidateCaches();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("kindling-app", new URL[] {jar.toURI().toURL()},
        SubmitCommand.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new KindlingException(mainClass + ".main(String[]) is not static");
      }
      main.invoke(null, (Object) args.toArray(String[]::new));
      return 0;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new KindlingException("No main(String[]) in class " + mainClass + " of " + jar + ": " + e, e);
    } catch (InvocationTargetException e) {
      // the application's own exception, reported by the command line with its stack trace (status 1)
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      if (jars.isBlank()) {
        System.clearProperty(APP_JARS);
      } else {
        System.setProperty(APP_JARS, jars);
      }
      ConfigFactory.invalidateCaches();
    }
  }
}
