package io.kindling.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of one split as Strings (UTF-8), with {@link LineReader}'s split rules: {@code \n}, {@code \r\n} and
 * {@code \r} end a line; a split that does not start the file skips its first (partial) line, and every split
 * reads the line that starts at or before its end, so each line is read exactly once.
 */
public final class LineIterator implements Iterator<String>, AutoCloseable {
  private final LineReader reader;
  private String next;
  private boolean done;

  /**
   * @param in positioned at {@code start}
   * @param start the split's first byte in the file
   * @param end the split's end; {@code Long.MAX_VALUE} to read to the end of the stream
   */
  public LineIterator(InputStream in, long start, long end) {
    this.reader = new LineReader(in, start, end, null);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      if (reader.next()) {
        next = new String(reader.buffer(), reader.start(), reader.length(), StandardCharsets.UTF_8);
      } else {
        done = true;
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

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
