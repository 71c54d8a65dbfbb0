package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.kindling.ops.KindlingCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kindling submit} ships the application's jar to the workers: an application compiled here, whose
 * classes no worker has on its classpath, runs closures and a record class of its own on them.
 */
@Tag("cluster")
class ShippedJarTest {
  private static final String APP = """
      package shipped;

      import io.kindling.KindlingSession;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;

      public final class ShippedApp {
        public record Score(String word, int points) implements java.io.Serializable {}

        static int weight(String w) {
          return w.length() * 3;
        }

        public static void main(String[] args) throws Exception {
          try (KindlingSession s = KindlingSession.builder().appName("shipped").create()) {
            long total = s.parallelize(List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff"), 6)
                .map(w -> new Score(w, weight(w)))
                .map(score -> (long) score.points())
                .reduce(Long::sum);
            Files.writeString(Path.of(args[0]), s.master() + " " + total);
          }
        }
      }
      """;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void submit_shipsTheApplicationJar_andWorkersLoadItsClasses(@TempDir Path dir) throws Exception {
    Path jar = buildJar(dir);
    cluster = LocalCluster.start("shipped", 2, Map.of(), 1);
    Path result = dir.resolve("result.txt");
    int status;
    try {
      status = KindlingCli.run("submit", "--class", "shipped.ShippedApp", "--master", cluster.masterUrl(),
          "--conf", "kindling.cluster.min-workers=2", "--conf", "kindling.cluster.worker-wait-timeout=180s",
          jar.toString(), result.toString());
    } finally {
      System.clearProperty("kindling.master");
      System.clearProperty("kindling.cluster.min-workers");
      System.clearProperty("kindling.cluster.worker-wait-timeout");
      ConfigFactory.invalidateCaches();
    }
    assertThat(status).as(cluster.log(cluster.worker(0)) + cluster.log(cluster.worker(1))).isZero();
    assertThat(Files.readString(result)).isEqualTo(cluster.masterUrl() + " " + (1 + 2 + 3 + 4 + 5 + 6) * 3);
    assertThat(System.getProperty("kindling.cluster.app-jars")).as("submit leaves no setting behind").isNull();
  }

  /** Compiles the application against this JVM's classpath and jars it; its classes are nowhere else. */
  private static Path buildJar(Path dir) throws IOException {
    Path src = dir.resolve("src/shipped/ShippedApp.java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, APP);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK with javac runs the tests").isNotNull();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        "--release", "17", src.toString());
    assertThat(rc).as("the application compiles").isZero();
    Path jar = dir.resolve("shipped-app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    assertThat(List.of("shipped.ShippedApp")).allSatisfy(c -> assertThat(
        ShippedJarTest.class.getClassLoader().getResource(c.replace('.', '/') + ".class")).isNull());
    return jar;
  }
}
