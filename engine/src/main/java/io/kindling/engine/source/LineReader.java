package io.kindling.engine.source;

import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The lines of one split as bytes, read as Hadoop's LineRecordReader does: by default {@code \n}, {@code \r\n}
 * and {@code \r} end a line (or a custom separator); a split that does not start the file skips its first
 * (partial) line, and every split reads the line that starts at or before its end, so each line is read exactly
 * once. A line is handed out in place ({@link #buffer()}, {@link #start()}, {@link #length()}), valid until the
 * next call to {@link #next()}: no copy and no String unless a caller makes one.
 */
public final class LineReader implements AutoCloseable {
  private static final int BUFFER = 256 * 1024;

  private final InputStream in;
  private final long limit;
  private final byte[] separator;
  private byte[] buffer = new byte[BUFFER];
  private int pos;
  private int len;
  private boolean eof;
  private long position;
  private int lineStart;
  private int lineLength;
  private long linePosition;
  private long lineNumber;

  /**
   * @param in positioned at {@code start}
   * @param start the split's first byte in the file
   * @param end the split's end; {@code Long.MAX_VALUE} to read to the end of the stream
   * @param separator the line separator bytes, or null for any of {@code \n}, {@code \r\n}, {@code \r}
   */
  public LineReader(InputStream in, long start, long end, byte[] separator) {
    this.in = in;
    this.position = start;
    this.limit = end;
    this.separator = separator == null || separator.length == 0 ? null : separator.clone();
    if (start != 0) {
      readLine();
    }
  }

  /** Opens a split of a file: seeks to its start, or decompresses a whole {@code .gz}/{@code .bz2} file. */
  public static LineReader open(FileSplit split, byte[] separator) throws IOException {
    return new LineReader(openStream(split), split.compressed() ? 0 : split.start(),
        split.compressed() ? Long.MAX_VALUE : split.end(), separator);
  }

  /** The bytes of a split from its start (decompressed when the file is compressed). */
  public static InputStream openStream(FileSplit split) throws IOException {
    if (!FsPaths.isLocal(split.path())) {
      return openRemote(split);
    }
    FileChannel channel = FileChannel.open(Path.of(split.path()), StandardOpenOption.READ);
    try {
      if (split.compressed()) {
        InputStream raw = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        return split.path().endsWith(".gz")
            ? new GZIPInputStream(raw, 64 * 1024)
            : new BZip2CompressorInputStream(raw, true);
      }
      channel.position(split.start());
      return Channels.newInputStream(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static InputStream openRemote(FileSplit split) throws IOException {
    InputStream in = FileSystemAdapters.forPath(split.path()).open(split.path(), split.compressed() ? 0 : split.start());
    try {
      if (split.compressed()) {
        InputStream raw = new BufferedInputStream(in, 64 * 1024);
        return split.path().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024)
            : new BZip2CompressorInputStream(raw, true);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Moves to the next line of the split; false when there is none. */
  public boolean next() {
    if (position > limit) {
      return false;
    }
    long before = position;
    linePosition = position;
    if (!readLine() && before == position) {
      return false;
    }
    if (linePosition == 0) {
      skipByteOrderMark();
    }
    lineNumber++;
    return true;
  }

  /**
   * Drops a UTF-8 byte order mark ({@code EF BB BF}) that starts the file, from its first line, as Hadoop's line
   * reader does whatever the encoding (so Spark's line-based sources and textFile never see it; a whole-text read,
   * which does not go through here, keeps it).
   */
  private void skipByteOrderMark() {
    if (lineLength >= 3 && (buffer[lineStart] & 0xFF) == 0xEF && (buffer[lineStart + 1] & 0xFF) == 0xBB
        && (buffer[lineStart + 2] & 0xFF) == 0xBF) {
      lineStart += 3;
      lineLength -= 3;
    }
  }

  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return lineStart;
  }

  public int length() {
    return lineLength;
  }

  /** The byte offset of the current line in the (decompressed) file. */
  public long linePosition() {
    return linePosition;
  }

  /** The current line's number within this split, from 1. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Reads one line into [lineStart, lineStart + lineLength); false at the end of the stream with nothing read. */
  private boolean readLine() {
    int scan = pos;
    while (true) {
      int end = separator == null ? findDefault(scan) : findSeparator(scan);
      if (end >= 0) {
        lineStart = pos;
        lineLength = end - pos;
        int terminator = separator == null ? 1 : separator.length;
        if (separator == null && buffer[end] == '\r') {
          if (end + 1 >= len && !eof) {
            // The \n of a \r\n may be in the next chunk.
            int shift = compactAndFill();
            end -= shift;
            lineStart -= shift;
          }
          if (end + 1 < len && buffer[end + 1] == '\n') {
            terminator = 2;
          }
        }
        pos = end + terminator;
        position += lineLength + terminator;
        return true;
      }
      if (eof) {
        lineStart = pos;
        lineLength = len - pos;
        position += lineLength;
        pos = len;
        return lineLength > 0;
      }
      int scanned = len - pos;
      int shift = compactAndFill();
      scan = Math.max(pos, pos + scanned - (separator == null ? 0 : separator.length - 1));
      if (shift < 0) {
        scan = pos;
      }
    }
  }

  private int findDefault(int from) {
    int i = ByteScan.indexOfEither(buffer, from, len, NEWLINES, RETURNS);
    return i < len ? i : -1;
  }

  private static final long NEWLINES = ByteScan.broadcast((byte) '\n');
  private static final long RETURNS = ByteScan.broadcast((byte) '\r');

  private int findSeparator(int from) {
    byte first = separator[0];
    int last = len - separator.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (buffer[i] != first) {
        continue;
      }
      for (int k = 1; k < separator.length; k++) {
        if (buffer[i + k] != separator[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Moves the unread bytes to the front (growing the buffer when full) and reads more; returns the shift. */
  private int compactAndFill() {
    int shift = pos;
    int remaining = len - pos;
    if (shift > 0) {
      System.arraycopy(buffer, pos, buffer, 0, remaining);
    } else if (remaining == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    pos = 0;
    len = remaining;
    try {
      while (len < buffer.length) {
        int read = in.read(buffer, len, buffer.length - len);
        if (read < 0) {
          eof = true;
          break;
        }
        len += read;
        if (read > 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shift;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
