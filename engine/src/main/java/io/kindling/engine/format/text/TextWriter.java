package io.kindling.engine.format.text;

import io.kindling.KindlingException;
import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a single string column, one value a line (null as an empty line), as Spark's text format. */
public final class TextWriter implements RecordWriter {
  private final OutputStream out;
  private final byte[] separator;

  public TextWriter(OutputStream out, StructType schema, TextOptions options) {
    validate(schema);
    this.out = new BufferedOutputStream(out, 64 * 1024);
    this.separator = options.lineSeparatorInWrite;
  }

  /** Spark's checks: every column a string (else the first other names itself), and exactly one column. */
  public static void validate(StructType schema) {
    for (var f : schema) {
      if (!f.dataType().equals(DataTypes.StringType)) {
        throw new KindlingException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support "
            + "the column `" + f.name() + "` of the type \"" + f.dataType().sql() + "\".");
      }
    }
    if (schema.size() != 1) {
      throw new KindlingException("Text data source supports only a single column, and you have "
          + schema.size() + " columns.");
    }
  }

  public static RecordWriter.Factory factory(TextOptions options) {
    return (stream, schema) -> new TextWriter(stream, schema, options);
  }

  @Override
  public void write(Object[] row) throws IOException {
    if (row[0] != null) {
      out.write(((String) row[0]).getBytes(StandardCharsets.UTF_8));
    }
    out.write(separator);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
