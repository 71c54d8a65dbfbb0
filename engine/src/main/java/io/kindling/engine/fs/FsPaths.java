package io.kindling.engine.fs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Path strings as the file system layer handles them: a local path ({@code /data/x}, or {@code file:/data/x}), or
 * a URI with a scheme and usually an authority ({@code hdfs://namenode:8020/data/x}). Joining and splitting keep
 * the scheme and authority as they are.
 */
public final class FsPaths {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private FsPaths() {}

  /** The URI scheme, lower case ({@code hdfs}), or {@code file} for a path without one. */
  public static String scheme(String path) {
    String p = path.trim();
    // A Windows drive letter (C:\x) is not a scheme.
    if (!SCHEME.matcher(p).matches() || p.indexOf(':') == 1) {
      return "file";
    }
    return p.substring(0, p.indexOf(':')).toLowerCase(Locale.ROOT);
  }

  /** True for a path on the local file system. */
  public static boolean isLocal(String path) {
    return scheme(path).equals("file");
  }

  /** {@code child} inside directory {@code dir}. */
  public static String join(String dir, String child) {
    if (dir.endsWith("/")) {
      return dir + child;
    }
    return dir + "/" + child;
  }

  /** Everything before the last name: {@code hdfs://nn:8020/a} for {@code hdfs://nn:8020/a/b}; a root stays. */
  public static String parent(String path) {
    String p = stripTrailingSlash(path);
    int restStart = rootPrefixLength(p);
    String prefix = p.substring(0, restStart);
    String rest = p.substring(restStart);
    int slash = rest.lastIndexOf('/');
    if (slash < 0) {
      return prefix.isEmpty() ? "." : prefix;
    }
    return prefix + (slash == 0 ? "/" : rest.substring(0, slash));
  }

  /** The length of {@code scheme://authority} or {@code scheme:} before the path part; 0 without a scheme. */
  private static int rootPrefixLength(String p) {
    if (isLocal(p) && !p.regionMatches(true, 0, "file:", 0, 5)) {
      return 0;
    }
    int colon = p.indexOf(':');
    if (p.startsWith("//", colon + 1)) {
      int slash = p.indexOf('/', colon + 3);
      return slash < 0 ? p.length() : slash;
    }
    return colon + 1;
  }

  /** The last name of the path. */
  public static String name(String path) {
    String p = stripTrailingSlash(path);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The path without a trailing slash (unless it is a root). */
  public static String stripTrailingSlash(String path) {
    String p = path.trim();
    while (p.length() > 1 && p.endsWith("/") && !p.endsWith("://") && !p.endsWith(":/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
