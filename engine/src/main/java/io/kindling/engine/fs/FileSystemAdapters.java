package io.kindling.engine.fs;

import io.kindling.KindlingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link FileSystemAdapter} of a path: the local one for plain paths and {@code file:}, else the one a
 * {@link FileSystemAdapter.Provider} on the classpath makes for the path's scheme (kindling-hadoop serves
 * {@code hdfs}). Adapters are made once per scheme and authority and shared by the JVM.
 */
public final class FileSystemAdapters {
  private static final Map<String, FileSystemAdapter> BY_ROOT = new ConcurrentHashMap<>();
  private static volatile Map<String, FileSystemAdapter.Provider> providers;

  private FileSystemAdapters() {}

  /** The adapter for {@code path}; fails naming the scheme when no provider serves it. */
  public static FileSystemAdapter forPath(String path) {
    String scheme = FsPaths.scheme(path);
    if (scheme.equals("file")) {
      return LocalFileSystemAdapter.INSTANCE;
    }
    URI uri = uri(path);
    String root = scheme + "://" + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority());
    return BY_ROOT.computeIfAbsent(root, r -> {
      FileSystemAdapter.Provider provider = providers().get(scheme);
      if (provider == null) {
        throw new KindlingException("No file system for scheme '" + scheme + "' in path " + path + ": "
            + (scheme.equals("hdfs") ? "add the kindling-hadoop dependency to read and write hdfs:// paths"
                : "only local paths" + (providers().isEmpty() ? "" : " and " + providers().keySet())
                    + " are supported"));
      }
      try {
        return provider.create(uri);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not connect to the file system of " + path + ": " + e, e);
      }
    });
  }

  /** True when a file system for {@code path}'s scheme is available. */
  public static boolean supports(String path) {
    String scheme = FsPaths.scheme(path);
    return scheme.equals("file") || providers().containsKey(scheme);
  }

  private static URI uri(String path) {
    try {
      return new URI(path.trim());
    } catch (URISyntaxException e) {
      throw new KindlingException("Not a valid path: " + path + " (" + e.getMessage() + ")");
    }
  }

  private static Map<String, FileSystemAdapter.Provider> providers() {
    Map<String, FileSystemAdapter.Provider> found = providers;
    if (found == null) {
      synchronized (FileSystemAdapters.class) {
        if (providers == null) {
          Map<String, FileSystemAdapter.Provider> m = new HashMap<>();
          for (FileSystemAdapter.Provider p : ServiceLoader.load(FileSystemAdapter.Provider.class,
              FileSystemAdapters.class.getClassLoader())) {
            m.putIfAbsent(p.scheme(), p);
          }
          providers = Map.copyOf(m);
        }
        found = providers;
      }
    }
    return found;
  }
}
