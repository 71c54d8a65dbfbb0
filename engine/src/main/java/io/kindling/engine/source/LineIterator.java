package io.kindling.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of one split, as Hadoop's LineRecordReader reads them: {@code \n}, {@code \r\n} and {@code \r} end
 * a line; a split that does not start the file skips its first (partial) line, and every split reads the line
 * that starts at or before its end, so each line is read exactly once. UTF-8.
 */
public final class LineIterator implements Iterator<String>, AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final long limit;
  private final byte[] buffer = new byte[BUFFER];
  private int bufferPos;
  private int bufferLen;
  private long position;
  private byte[] line = new byte[256];
  private int lineLen;
  private String next;
  private boolean eof;

  /**
   * @param in positioned at {@code start}
   * @param start the split's first byte in the file
   * @param end the split's end; {@code Long.MAX_VALUE} to read to the end of the stream
   */
  public LineIterator(InputStream in, long start, long end) {
    this.in = in;
    this.position = start;
    this.limit = end;
    if (start != 0) {
      readLine();
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !eof && position <= limit) {
      long lineStart = position;
      if (readLine()) {
        next = new String(line, 0, lineLen, StandardCharsets.UTF_8);
      } else if (lineStart == position) {
        eof = true;
      }
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String result = next;
    next = null;
    return result;
  }

  /** Reads one line into {@code line}; false at the end of the stream with nothing read. */
  private boolean readLine() {
    lineLen = 0;
    boolean any = false;
    while (true) {
      if (bufferPos == bufferLen && !fill()) {
        return any;
      }
      any = true;
      int i = bufferPos;
      int n = bufferLen;
      byte[] b = buffer;
      while (i < n && b[i] != '\n' && b[i] != '\r') {
        i++;
      }
      append(bufferPos, i - bufferPos);
      position += i - bufferPos;
      bufferPos = i;
      if (i < n) {
        byte terminator = b[i];
        bufferPos++;
        position++;
        if (terminator == '\r') {
          if (bufferPos == bufferLen) {
            fill();
          }
          if (bufferPos < bufferLen && buffer[bufferPos] == '\n') {
            bufferPos++;
            position++;
          }
        }
        return true;
      }
    }
  }

  private void append(int from, int count) {
    if (count == 0) {
      return;
    }
    if (lineLen + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + count));
    }
    System.arraycopy(buffer, from, line, lineLen, count);
    lineLen += count;
  }

  private boolean fill() {
    try {
      int read = in.read(buffer, 0, buffer.length);
      if (read <= 0) {
        bufferPos = 0;
        bufferLen = 0;
        return false;
      }
      bufferPos = 0;
      bufferLen = read;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
