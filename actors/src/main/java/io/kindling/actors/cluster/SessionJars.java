package io.kindling.actors.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's copy of the application jars one driver session shipped, put together from their chunks and
 * written to temporary files, and the class loader the session's tasks resolve classes through. Used by the
 * worker's agent only (one thread at a time).
 */
final class SessionJars {
  private final Map<String, Assembly> jars = new LinkedHashMap<>();
  private URLClassLoader loader;
  private final List<Path> files = new ArrayList<>();

  private static final class Assembly {
    final String sha256;
    final int count;
    int received;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean complete;

    Assembly(String sha256, int count) {
      this.sha256 = sha256;
      this.count = count;
    }
  }

  /** Adds one chunk; chunks of a jar arrive in order (one sender, one stream). A jar already whole is kept. */
  void add(WorkerAgent.AppJarChunk chunk) {
    Assembly a = jars.get(chunk.name());
    if (a != null && a.complete && a.sha256.equals(chunk.sha256())) {
      return;
    }
    if (a == null || !a.sha256.equals(chunk.sha256()) || chunk.index() != a.received) {
      if (chunk.index() != 0) {
        return;
      }
      a = new Assembly(chunk.sha256(), chunk.count());
      jars.put(chunk.name(), a);
    }
    a.bytes.writeBytes(chunk.bytes());
    a.received++;
    if (a.received == a.count) {
      a.complete = AppJars.sha256(a.bytes.toByteArray()).equals(a.sha256);
      if (!a.complete) {
        jars.remove(chunk.name());
      }
    }
  }

  /**
   * The session's class loader over its complete jars, child of {@code parent}; {@code parent} itself when
   * the session shipped none.
   */
  ClassLoader loader(ClassLoader parent) {
    if (loader != null) {
      return loader;
    }
    List<URL> urls = new ArrayList<>();
    for (Map.Entry<String, Assembly> e : jars.entrySet()) {
      if (!e.getValue().complete) {
        continue;
      }
      try {
        Path file = Files.createTempFile("kindling-app-", "-" + e.getKey());
        Files.write(file, e.getValue().bytes.toByteArray());
        files.add(file);
        urls.add(file.toUri().toURL());
      } catch (MalformedURLException ex) {
        throw new IllegalStateException(ex);
      } catch (IOException ex) {
        throw new UncheckedIOException("Could not store an application jar on this worker", ex);
      }
    }
    jars.clear();
    if (urls.isEmpty()) {
      return parent;
    }
    loader = new URLClassLoader("kindling-session-app", urls.toArray(URL[]::new), parent);
    return loader;
  }

  /** Closes the loader and deletes the files. */
  void close() {
    try {
      if (loader != null) {
        loader.close();
      }
    } catch (IOException e) {
      // the files go anyway
    }
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        f.toFile().deleteOnExit();
      }
    }
  }
}
