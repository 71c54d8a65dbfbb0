package io.kindling.hadoop.parquet;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet output file over a stream that is already open (a part file of an output directory). */
final class StreamOutputFile implements OutputFile {
  private final OutputStream stream;

  StreamOutputFile(OutputStream stream) {
    this.stream = stream;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return new Counting(stream);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return new Counting(stream);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  /** Counts the bytes written (Parquet records offsets of row groups in the footer). */
  private static final class Counting extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private boolean closed;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
