package io.kindling.shuffle.external;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.persistence.WorkDirectory;
import io.kindling.shuffle.serial.RecordSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run spilled to a local file: records written with Kryo through a buffer, read back in order, the file
 * deleted when the reader is closed.
 */
final class SpillFile {
  private static final int WRITE_BUFFER = 64 << 10;

  private final Path path;
  private final long records;
  private final long bytes;

  private SpillFile(Path path, long records, long bytes) {
    this.path = path;
    this.records = records;
    this.bytes = bytes;
  }

  long records() {
    return records;
  }

  long bytes() {
    return bytes;
  }

  /** Deletes the file if it is still there. */
  void delete() {
    WorkDirectory.deleteRecursively(path);
  }

  /** Writes one run. */
  static final class Writer implements AutoCloseable {
    private final Path path;
    private final OutputStream stream;
    private final Output output;
    private final RecordSerializer serializer = RecordSerializer.forThread();
    private long records;
    private boolean done;

    Writer(Path path) {
      this.path = path;
      try {
        this.stream = Files.newOutputStream(path);
      } catch (IOException e) {
        throw new KindlingException("Could not create spill file " + path + ": " + e
            + ". Check free space under kindling.local-dir.", e);
      }
      this.output = new Output(stream, WRITE_BUFFER);
    }

    void writeCombined(long sortKey, Object key, Object value) {
      output.writeLong(sortKey);
      serializer.writePair(output, key, value);
      records++;
    }

    /** Writes a record in the tagged form {@link Reader#readRecord} reads. */
    void writeRecord(Object key, Object value) {
      serializer.writeRecord(output, key, value);
      records++;
    }

    SpillFile finish() {
      done = true;
      try {
        output.close();
      } catch (RuntimeException e) {
        delete();
        throw new KindlingException("Could not write spill file " + path + ": " + e, e);
      }
      return new SpillFile(path, records, output.total());
    }

    private void delete() {
      WorkDirectory.deleteRecursively(path);
    }

    /** Deletes the file unless {@link #finish()} was called. */
    @Override
    public void close() {
      if (!done) {
        done = true;
        try {
          output.close();
        } catch (RuntimeException e) {
          // the file goes anyway
        }
        delete();
      }
    }
  }

  /** Opens the file for reading with a buffer of {@code bufferBytes}. */
  Reader open(int bufferBytes) {
    try {
      return new Reader(Files.newInputStream(path), bufferBytes);
    } catch (IOException e) {
      throw new KindlingException("Could not open spill file " + path + ": " + e, e);
    }
  }

  /** Reads a run back; closing it deletes the file. */
  final class Reader implements AutoCloseable {
    private final InputStream stream;
    private final Input input;
    private final RecordSerializer serializer = RecordSerializer.forThread();
    private final Object[] pair = new Object[2];
    private long left = records;

    private Reader(InputStream stream, int bufferBytes) {
      this.stream = stream;
      this.input = new Input(stream, bufferBytes);
    }

    boolean hasNext() {
      return left > 0;
    }

    long readLong() {
      return input.readLong();
    }

    Object read() {
      return serializer.read(input);
    }

    /** Reads a record written by {@link Writer#writeRecord}: {key, value} in an array it reuses. */
    Object[] readRecord() {
      serializer.readRecord(input, pair);
      return pair;
    }

    void consumed() {
      left--;
    }

    @Override
    public void close() {
      try {
        input.close();
        stream.close();
      } catch (IOException | RuntimeException e) {
        // the file goes anyway
      } finally {
        delete();
      }
    }
  }
}
