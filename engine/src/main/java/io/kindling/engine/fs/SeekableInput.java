package io.kindling.engine.fs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A file opened for reading at any position (what columnar formats need to read a footer, then column chunks). */
public abstract class SeekableInput extends InputStream {

  /** The file's length in bytes. */
  public abstract long length() throws IOException;

  /** The position of the next byte read. */
  public abstract long position() throws IOException;

  /** Moves to {@code position} (from 0 to {@link #length()}). */
  public abstract void seek(long position) throws IOException;

  /** Reads exactly {@code length} bytes, failing at the end of the file. */
  public void readFully(byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = read(buffer, offset + done, length - done);
      if (n < 0) {
        throw new EOFException("End of file after " + done + " of " + length + " bytes");
      }
      done += n;
    }
  }
}
