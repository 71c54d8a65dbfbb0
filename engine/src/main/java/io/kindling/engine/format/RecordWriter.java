package io.kindling.engine.format;

import java.io.IOException;

/**
 * Writes rows of plain Java values (as {@link RowConsumer} describes them) to one output stream in a format.
 * Closing flushes and closes the stream.
 */
public interface RecordWriter extends AutoCloseable {

  void write(Object[] row) throws IOException;

  @Override
  void close() throws IOException;

  /** Opens a writer of one format on a stream, for rows of {@code schema}. */
  @FunctionalInterface
  interface Factory extends java.io.Serializable {
    RecordWriter open(java.io.OutputStream out, io.kindling.sql.types.StructType schema) throws IOException;
  }
}
