package io.kindling.engine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The local file system through {@code java.nio.file}; {@code file:} prefixes are accepted and dropped. */
public final class LocalFileSystemAdapter implements FileSystemAdapter {
  public static final LocalFileSystemAdapter INSTANCE = new LocalFileSystemAdapter();

  private LocalFileSystemAdapter() {}

  /** The local path of a path string (with or without {@code file:}), absolute and normalized. */
  public static Path toPath(String path) {
    String e = path.trim();
    if (e.startsWith("file://")) {
      e = e.substring("file://".length());
    } else if (e.startsWith("file:")) {
      e = e.substring("file:".length());
    }
    return Path.of(e).toAbsolutePath().normalize();
  }

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public Optional<FileInfo> status(String path) throws IOException {
    return status(toPath(path));
  }

  private static Optional<FileInfo> status(Path p) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return Optional.of(new FileInfo(p.toString(), a.isDirectory() ? 0 : a.size(), a.isDirectory(), 0));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<FileInfo> list(String path) throws IOException {
    List<FileInfo> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(toPath(path))) {
      for (Path child : children.sorted().toList()) {
        status(child).ifPresent(out::add);
      }
    }
    return out;
  }

  @Override
  public List<FileInfo> glob(String pattern) throws IOException {
    Path p = toPath(pattern);
    // Walk from the deepest directory without glob characters, as deep as the pattern has parts.
    Path base = p.getRoot();
    int fixed = 0;
    for (Path part : p) {
      String s = part.toString();
      if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0) {
        break;
      }
      base = base.resolve(part);
      fixed++;
    }
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
    List<FileInfo> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base, p.getNameCount() - fixed)) {
      for (Path m : walk.filter(x -> x.getNameCount() == p.getNameCount()).filter(matcher::matches).sorted()
          .toList()) {
        status(m).ifPresent(out::add);
      }
    }
    return out;
  }

  @Override
  public SeekableInput openSeekable(String path) throws IOException {
    return new ChannelInput(FileChannel.open(toPath(path), StandardOpenOption.READ));
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    FileChannel channel = FileChannel.open(toPath(path), StandardOpenOption.READ);
    try {
      channel.position(offset);
      return Channels.newInputStream(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public OutputStream create(String path, boolean overwrite) throws IOException {
    Path p = toPath(path);
    return overwrite ? Files.newOutputStream(p)
        : Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Override
  public boolean mkdir(String path) throws IOException {
    try {
      Files.createDirectory(toPath(path));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  @Override
  public void mkdirs(String path) throws IOException {
    Files.createDirectories(toPath(path));
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = toPath(to);
    // A rename onto an existing empty directory would replace it, and onto a full one fails obscurely.
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    try {
      Files.move(toPath(from), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(toPath(from), target);
    }
  }

  @Override
  public void renameReplacing(String from, String to) throws IOException {
    Files.move(toPath(from), toPath(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public boolean delete(String path, boolean recursive) throws IOException {
    Path root = toPath(path);
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!recursive || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return Files.deleteIfExists(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
    return true;
  }

  /** A file channel as a {@link SeekableInput}. */
  private static final class ChannelInput extends SeekableInput {
    private final FileChannel channel;

    ChannelInput(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long length() throws IOException {
      return channel.size();
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
