package io.kindling.hadoop.parquet;

import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes rows as one Parquet file on a stream, as Spark writes them (format version 1 pages, dictionary encoding,
 * the options' codec and row group size). Closing writes the footer and closes the stream.
 */
public final class ParquetRecordWriter implements RecordWriter {
  private final ParquetWriter<Object[]> writer;

  public ParquetRecordWriter(OutputStream out, StructType schema, ParquetOptions options) throws IOException {
    this.writer = new Builder(new StreamOutputFile(out), new RowWriteSupport(schema, options))
        .withConf(new Configuration(false))
        .withCompressionCodec(options.codec())
        .withRowGroupSize(options.rowGroupBytes())
        .withPageSize(options.pageBytes())
        .withDictionaryEncoding(true)
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .build();
  }

  /** A factory for output directories; the options travel with it to the tasks. */
  public static RecordWriter.Factory factory(ParquetOptions options) {
    return (out, schema) -> new ParquetRecordWriter(out, schema, options);
  }

  @Override
  public void write(Object[] row) throws IOException {
    writer.write(row);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
