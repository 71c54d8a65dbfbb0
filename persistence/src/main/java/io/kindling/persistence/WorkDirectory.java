package io.kindling.persistence;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's scratch directory (shuffle stores, spill files), made on first use and deleted whole when the node
 * stops. Under {@code kindling.local-dir} when it is set, otherwise a fresh temporary directory.
 */
public final class WorkDirectory implements AutoCloseable {
  private final Path parent;
  private final String prefix;
  private final AtomicLong nextFile = new AtomicLong();
  private volatile Path path;
  private volatile boolean closed;

  /**
   * @param parent where to make the directory; null for the system's temporary directory
   * @param prefix the start of the directory's name (the session id), for people looking at the disk
   */
  public WorkDirectory(Path parent, String prefix) {
    this.parent = parent;
    this.prefix = requireNonNull(prefix, "prefix is null");
  }

  /** The directory, made on the first call. */
  public Path path() {
    Path p = path;
    if (p == null) {
      synchronized (this) {
        if (closed) {
          throw new KindlingException("The work directory of " + prefix + " was already deleted (session stopped)");
        }
        p = path;
        if (p == null) {
          try {
            if (parent == null) {
              p = Files.createTempDirectory("kindling-" + prefix + "-");
            } else {
              Files.createDirectories(parent);
              p = Files.createTempDirectory(parent, "kindling-" + prefix + "-");
            }
          } catch (IOException e) {
            throw new KindlingException("Could not create a work directory under "
                + (parent == null ? System.getProperty("java.io.tmpdir") : parent)
                + ": " + e + ". Set kindling.local-dir to a writable directory.", e);
          }
          path = p;
        }
      }
    }
    return p;
  }

  /** True once the directory exists. */
  public boolean isCreated() {
    return path != null;
  }

  /** A new, unused file name in the directory, {@code <kind>-<n><suffix>}; the file is not created. */
  public Path newFile(String kind, String suffix) {
    return path().resolve(kind + "-" + nextFile.incrementAndGet() + suffix);
  }

  /** Deletes the directory and everything in it; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    Path p = path;
    if (p != null) {
      deleteRecursively(p);
    }
  }

  /** Deletes a file or a directory tree; a missing path is fine. */
  public static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + root, e);
    }
  }

  @Override
  public String toString() {
    Path p = path;
    return p == null ? "WorkDirectory(" + prefix + ", not yet created)" : p.toString();
  }
}
