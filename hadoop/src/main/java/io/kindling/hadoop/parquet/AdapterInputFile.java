package io.kindling.hadoop.parquet;

import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.SeekableInput;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A file of any file system Kindling has an adapter for (local, HDFS), as Parquet's {@link InputFile}. */
final class AdapterInputFile implements InputFile {
  private final String path;
  private final FileSystemAdapter fs;
  private long length = -1;

  AdapterInputFile(String path) {
    this.path = path;
    this.fs = FileSystemAdapters.forPath(path);
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      length = fs.status(path).orElseThrow(() -> new FileNotFoundException(path)).length();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableInput in = fs.openSeekable(path);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() throws IOException {
        return in.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        in.seek(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return path;
  }
}
