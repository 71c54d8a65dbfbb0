package io.kindling.engine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One file system as the engine reads and writes it: listing, streams, directories, and the atomic renames that
 * atomic output and checkpoints are built on. Paths are full strings ({@link FsPaths}); every implementation is
 * thread-safe. The local one is {@link LocalFileSystemAdapter}; others come from a {@link Provider} registered for
 * their URI scheme ({@code META-INF/services/io.kindling.engine.fs.FileSystemAdapter$Provider}) and are looked
 * up by {@link FileSystemAdapters#forPath(String)}.
 */
public interface FileSystemAdapter {

  /** The URI scheme this file system serves: {@code file}, {@code hdfs}. */
  String scheme();

  /** The file or directory at {@code path}, or empty when nothing is there. */
  Optional<FileInfo> status(String path) throws IOException;

  default boolean exists(String path) throws IOException {
    return status(path).isPresent();
  }

  /** The entries directly inside directory {@code path}, sorted by name. */
  List<FileInfo> list(String path) throws IOException;

  /**
   * The paths matching a glob ({@code * ? [ab] {a,b}} within a name), sorted; empty when none match.
   * Hidden names are not filtered here.
   */
  List<FileInfo> glob(String pattern) throws IOException;

  /** Opens a file for reading at any position. */
  SeekableInput openSeekable(String path) throws IOException;

  /** Opens a file for reading from {@code offset}. */
  default InputStream open(String path, long offset) throws IOException {
    SeekableInput in = openSeekable(path);
    try {
      in.seek(offset);
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * A new file to write, replacing a file of that name when {@code overwrite}; its directory must exist (a
   * task whose job directory was removed fails instead of making it again).
   */
  OutputStream create(String path, boolean overwrite) throws IOException;

  /** Makes one directory whose parent exists: false when it exists already. */
  boolean mkdir(String path) throws IOException;

  /** Makes a directory and any missing parents. */
  void mkdirs(String path) throws IOException;

  /**
   * Renames a file or directory atomically; fails with {@link java.nio.file.FileAlreadyExistsException} when the
   * target exists.
   */
  void rename(String from, String to) throws IOException;

  /** Renames a file atomically, replacing a file at the target. */
  void renameReplacing(String from, String to) throws IOException;

  /** Deletes a file, or a directory with everything in it; false when there was nothing to delete. */
  boolean delete(String path, boolean recursive) throws IOException;

  /**
   * Hosts that store the bytes {@code [start, start + length)} of a file, those holding the most of them first;
   * empty where locality means nothing (the local disk).
   */
  default List<String> hosts(String path, long start, long length) throws IOException {
    return List.of();
  }

  /** Makes adapters for one URI scheme; registered with {@link java.util.ServiceLoader}. */
  interface Provider {

    /** The scheme served, lower case: {@code hdfs}. */
    String scheme();

    /**
     * The adapter for the file system at {@code uri}'s scheme and authority ({@code hdfs://namenode:8020});
     * called once per distinct authority.
     */
    FileSystemAdapter create(URI uri) throws IOException;
  }
}
