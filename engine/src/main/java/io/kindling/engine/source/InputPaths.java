package io.kindling.engine.source;

import io.kindling.KindlingException;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands input path expressions to files, as Hadoop's FileInputFormat does for Spark: comma-separated
 * entries, each a file, a directory (its files, skipping hidden ones starting with {@code _} or {@code .})
 * or a glob ({@code * ? [..] {a,b}}). Missing inputs fail with the path in the message. {@link #expandFiles}
 * also takes paths of other file systems ({@code hdfs://…} where kindling-hadoop is present).
 */
public final class InputPaths {
  private InputPaths() {}

  /** The files named by {@code expression}, each entry's files sorted by name. */
  public static List<Path> expand(String expression) {
    List<Path> files = new ArrayList<>();
    for (String entry : splitEntries(expression)) {
      Path path = toPath(entry);
      if (isGlob(entry)) {
        List<Path> matched = glob(path);
        if (matched.isEmpty()) {
          throw new KindlingException("Input Pattern " + uri(path) + " matches 0 files");
        }
        for (Path m : matched) {
          addFilesOf(m, files);
        }
      } else if (!Files.exists(path)) {
        throw new KindlingException("Input path does not exist: " + uri(path));
      } else {
        addFilesOf(path, files);
      }
    }
    return files;
  }

  /**
   * The files named by {@code expression} on any file system with an adapter ({@link FileSystemAdapters}), with
   * their sizes and block sizes; local entries as {@link #expand} finds them.
   */
  public static List<FileInfo> expandFiles(String expression) {
    List<FileInfo> files = new ArrayList<>();
    for (String entry : splitEntries(expression)) {
      if (FsPaths.isLocal(entry)) {
        for (Path p : expand(entry)) {
          files.add(new FileInfo(p.toString(), sizeOf(p), false, 0));
        }
        continue;
      }
      FileSystemAdapter fs = FileSystemAdapters.forPath(entry);
      try {
        if (isGlob(entry)) {
          List<FileInfo> matched = fs.glob(entry).stream().filter(f -> !isHidden(f.name())).toList();
          if (matched.isEmpty()) {
            throw new KindlingException("Input Pattern " + entry + " matches 0 files");
          }
          for (FileInfo m : matched) {
            addFilesOf(fs, m, files);
          }
        } else {
          FileInfo status = fs.status(entry).orElseThrow(
              () -> new KindlingException("Input path does not exist: " + entry));
          addFilesOf(fs, status, files);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not list " + entry + ": " + e, e);
      }
    }
    return files;
  }

  private static void addFilesOf(FileSystemAdapter fs, FileInfo entry, List<FileInfo> files) throws IOException {
    if (!entry.directory()) {
      files.add(entry);
      return;
    }
    for (FileInfo child : fs.list(entry.path())) {
      if (isHidden(child.name())) {
        continue;
      }
      if (child.directory()) {
        throw new KindlingException("Not a file: " + child.path() + " (reading " + entry.path()
            + " takes the files directly inside it; name the subdirectory or use a glob such as "
            + FsPaths.join(FsPaths.join(entry.path(), "*"), "*") + ")");
      }
      files.add(child);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the size of " + file, e);
    }
  }

  /** Strips a {@code file:} scheme; other schemes are not supported by the local file source. */
  public static Path toPath(String entry) {
    String e = entry.trim();
    if (e.startsWith("file://")) {
      e = e.substring("file://".length());
    } else if (e.startsWith("file:")) {
      e = e.substring("file:".length());
    } else if (e.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new KindlingException("No file system for scheme '" + e.substring(0, e.indexOf(':'))
          + "' in path " + entry + ": only local paths (and file:) are supported here");
    }
    return Paths.get(e).toAbsolutePath().normalize();
  }

  public static String uri(Path path) {
    return "file:" + path.toAbsolutePath();
  }

  /** A path string as messages show it: {@code file:/abs/path} for local paths, other URIs as they are. */
  public static String uri(String path) {
    return FsPaths.isLocal(path) ? uri(toPath(path)) : path;
  }

  static List<String> splitEntries(String expression) {
    // Commas inside {a,b} belong to the glob, not the list.
    List<String> entries = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : expression.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        addEntry(entries, current);
      } else {
        current.append(c);
      }
    }
    addEntry(entries, current);
    if (entries.isEmpty()) {
      throw new KindlingException("No input paths given: '" + expression + "'");
    }
    return entries;
  }

  private static void addEntry(List<String> entries, StringBuilder current) {
    String s = current.toString().trim();
    if (!s.isEmpty()) {
      entries.add(s);
    }
    current.setLength(0);
  }

  static boolean isGlob(String entry) {
    return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0
        || entry.indexOf('{') >= 0;
  }

  private static List<Path> glob(Path pattern) {
    // Walk from the deepest directory without glob characters, as deep as the pattern has parts.
    Path root = pattern.getRoot();
    Path base = root;
    int fixed = 0;
    for (Path part : pattern) {
      if (isGlob(part.toString())) {
        break;
      }
      base = base.resolve(part);
      fixed++;
    }
    int depth = pattern.getNameCount() - fixed;
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> walk = Files.walk(base, depth)) {
      return walk.filter(p -> p.getNameCount() == pattern.getNameCount())
          .filter(matcher::matches)
          .filter(p -> !isHidden(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + base, e);
    }
  }

  private static void addFilesOf(Path path, List<Path> files) {
    if (!Files.isDirectory(path)) {
      files.add(path);
      return;
    }
    try (Stream<Path> children = Files.list(path)) {
      for (Path child : children.filter(p -> !isHidden(p)).sorted().toList()) {
        if (Files.isDirectory(child)) {
          throw new KindlingException("Not a file: " + uri(child) + " (reading " + uri(path)
              + " takes the files directly inside it; name the subdirectory or use a glob such as "
              + path.resolve("*").resolve("*") + ")");
        }
        files.add(child);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + path, e);
    }
  }

  static boolean isHidden(Path p) {
    return isHidden(p.getFileName().toString());
  }

  /** Hidden names, skipped when listing inputs as Hadoop does: starting with {@code _} or {@code .}. */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
