package io.kindling.hadoop.fs;

import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.SeekableInput;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * One HDFS namespace ({@code hdfs://namenode:port}) through Hadoop's {@link FileSystem} client. Renames are
 * HDFS's atomic renames (replacing ones use {@code Rename.OVERWRITE}); reads fail over to another replica when a
 * datanode dies, as the HDFS client does; block locations give the hosts of a split. Thread-safe (the Hadoop
 * client is).
 */
public final class HdfsFileSystemAdapter implements FileSystemAdapter {
  private final FileSystem fs;
  private final String scheme;

  public HdfsFileSystemAdapter(URI root, Configuration conf) throws IOException {
    this.fs = FileSystem.newInstance(root, conf);
    this.scheme = root.getScheme();
  }

  /** The Hadoop file system behind this adapter (for tests and for tools that need Hadoop's API). */
  public FileSystem hadoopFileSystem() {
    return fs;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  private static FileInfo info(FileStatus s) {
    return new FileInfo(s.getPath().toString(), s.isDirectory() ? 0 : s.getLen(), s.isDirectory(),
        s.isDirectory() ? 0 : s.getBlockSize());
  }

  @Override
  public Optional<FileInfo> status(String path) throws IOException {
    try {
      return Optional.of(info(fs.getFileStatus(new Path(path))));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<FileInfo> list(String path) throws IOException {
    FileStatus[] children = fs.listStatus(new Path(path));
    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    List<FileInfo> out = new ArrayList<>(children.length);
    for (FileStatus s : children) {
      out.add(info(s));
    }
    return out;
  }

  @Override
  public List<FileInfo> glob(String pattern) throws IOException {
    FileStatus[] matched = fs.globStatus(new Path(pattern));
    if (matched == null) {
      return List.of();
    }
    Arrays.sort(matched, Comparator.comparing(s -> s.getPath().toString()));
    List<FileInfo> out = new ArrayList<>(matched.length);
    for (FileStatus s : matched) {
      out.add(info(s));
    }
    return out;
  }

  @Override
  public SeekableInput openSeekable(String path) throws IOException {
    Path p = new Path(path);
    return new Input(fs.open(p), () -> fs.getFileStatus(p).getLen());
  }

  @Override
  public OutputStream create(String path, boolean overwrite) throws IOException {
    Path p = new Path(path);
    // Non-recursive: a task whose job directory was removed must fail, not make it again.
    @SuppressWarnings("deprecation")
    OutputStream out = fs.createNonRecursive(p, overwrite, 64 * 1024, fs.getDefaultReplication(p),
        fs.getDefaultBlockSize(p), null);
    return out;
  }

  @Override
  public boolean mkdir(String path) throws IOException {
    Path p = new Path(path);
    if (fs.exists(p)) {
      return false;
    }
    if (p.getParent() != null && !fs.exists(p.getParent())) {
      throw new FileNotFoundException("Parent directory of " + path + " does not exist");
    }
    return fs.mkdirs(p);
  }

  @Override
  public void mkdirs(String path) throws IOException {
    if (!fs.mkdirs(new Path(path))) {
      throw new IOException("Could not make directory " + path);
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = new Path(to);
    if (fs.exists(target)) {
      throw new FileAlreadyExistsException(to);
    }
    if (!fs.rename(new Path(from), target)) {
      throw new IOException("Could not rename " + from + " to " + to);
    }
  }

  @Override
  public void renameReplacing(String from, String to) throws IOException {
    if (fs instanceof DistributedFileSystem dfs) {
      dfs.rename(new Path(from), new Path(to), Options.Rename.OVERWRITE);
      return;
    }
    fs.delete(new Path(to), false);
    rename(from, to);
  }

  @Override
  public boolean delete(String path, boolean recursive) throws IOException {
    return fs.delete(new Path(path), recursive);
  }

  @Override
  public List<String> hosts(String path, long start, long length) throws IOException {
    long len = Math.max(length, 1);
    long end = len > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + len;
    BlockLocation[] blocks = fs.getFileBlockLocations(new Path(path), start, end - start);
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (BlockLocation b : blocks) {
      long overlap = Math.min(end, b.getOffset() + b.getLength()) - Math.max(start, b.getOffset());
      if (overlap <= 0) {
        continue;
      }
      for (String host : b.getHosts()) {
        bytes.merge(host, overlap, Long::sum);
      }
    }
    List<String> hosts = new ArrayList<>(bytes.keySet());
    hosts.sort(Comparator.comparing((String h) -> -bytes.get(h)));
    return hosts;
  }

  /** Closes the Hadoop client. */
  public void close() throws IOException {
    fs.close();
  }

  @FunctionalInterface
  private interface Length {
    long get() throws IOException;
  }

  /** An HDFS input stream as a {@link SeekableInput}. */
  private static final class Input extends SeekableInput {
    private final FSDataInputStream in;
    private final Length lengthOf;
    private long length = -1;

    Input(FSDataInputStream in, Length lengthOf) {
      this.in = in;
      this.lengthOf = lengthOf;
    }

    @Override
    public long length() throws IOException {
      if (length < 0) {
        length = lengthOf.get();
      }
      return length;
    }

    @Override
    public long position() throws IOException {
      return in.getPos();
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
