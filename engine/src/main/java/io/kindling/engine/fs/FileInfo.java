package io.kindling.engine.fs;

import static java.util.Objects.requireNonNull;

/**
 * What a listing says about one path: its full path string (as {@link FileSystemAdapter} takes it), its length in
 * bytes, whether it is a directory, and its block size ({@code 0} where the file system has no blocks).
 */
public record FileInfo(String path, long length, boolean directory, long blockSize) {

  public FileInfo {
    requireNonNull(path, "path is null");
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
  }

  /** The last name of the path. */
  public String name() {
    return FsPaths.name(path);
  }
}
