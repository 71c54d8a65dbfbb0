package io.kindling.engine.source;

import io.kindling.engine.fs.FileInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts files into splits as Hadoop's FileInputFormat does for Spark's textFile: a goal size of total bytes
 * over {@code minPartitions}, capped at the block size, with 10% slop on the last split; compressed files and
 * empty files are one split each. A file with a block size (HDFS) is capped at its block size instead, as
 * Hadoop caps it.
 */
public final class FileSplitter {
  private static final double SLOP = 1.1;

  private FileSplitter() {}

  public static List<FileSplit> split(List<Path> files, int minPartitions, long maxSplitBytes) {
    List<FileInfo> infos = new ArrayList<>(files.size());
    for (Path f : files) {
      infos.add(new FileInfo(f.toString(), sizeOf(f), false, 0));
    }
    return splitFiles(infos, minPartitions, maxSplitBytes);
  }

  /** {@link #split} of listed files (of any file system), without reading their sizes again. */
  public static List<FileSplit> splitFiles(List<FileInfo> files, int minPartitions, long maxSplitBytes) {
    long total = 0;
    for (FileInfo f : files) {
      total += f.length();
    }
    long goal = total / Math.max(minPartitions, 1);
    List<FileSplit> splits = new ArrayList<>();
    for (FileInfo file : files) {
      String path = file.path();
      long length = file.length();
      long splitSize = Math.max(1, Math.min(goal, file.blockSize() > 0 ? file.blockSize() : maxSplitBytes));
      if (isCompressed(path)) {
        splits.add(new FileSplit(path, 0, length, true));
        continue;
      }
      if (length == 0) {
        splits.add(new FileSplit(path, 0, 0, false));
        continue;
      }
      long remaining = length;
      while ((double) remaining / splitSize > SLOP) {
        splits.add(new FileSplit(path, length - remaining, splitSize, false));
        remaining -= splitSize;
      }
      if (remaining > 0) {
        splits.add(new FileSplit(path, length - remaining, remaining, false));
      }
    }
    return splits;
  }

  public static boolean isCompressed(String path) {
    return path.endsWith(".gz") || path.endsWith(".bz2");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the size of " + file, e);
    }
  }
}
