package io.kindling.engine.format.text;

import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.LineReader;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads text into the single string column {@code value}: one row a line, or one a file with {@code wholetext}. */
public final class TextReader {
  private static final StructType SCHEMA = new StructType().add("value", DataTypes.StringType);

  private final TextOptions options;

  public TextReader(TextOptions options) {
    this.options = options;
  }

  /** {@code struct<value:string>}. */
  public static StructType schema() {
    return SCHEMA;
  }

  /**
   * The rows' schema for a user's data schema (partition columns left out): one string column, which it may only
   * rename, as in Spark; otherwise fails with Spark's errors.
   */
  public static StructType schema(StructType user) {
    for (StructField f : user) {
      if (!f.dataType().equals(DataTypes.StringType)) {
        throw new AnalysisException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the "
            + "column `" + f.name() + "` of the type \"" + f.dataType().sql() + "\".");
      }
    }
    if (user.size() != 1) {
      throw new AnalysisException("Text data source only produces a single data column: the schema "
          + user.simpleString() + " has " + user.size() + ".");
    }
    return user;
  }

  /**
   * Reads a split into column 0 of {@code out}. With {@code wholetext} the split must be a whole file (start 0);
   * a split that starts later gives nothing, so that a file split anyway is still read once.
   */
  public long read(FileSplit split, RowConsumer out) {
    try {
      if (options.wholeText) {
        if (split.start() != 0) {
          return 0;
        }
        try (InputStream in = LineReader.openStream(split.compressed() ? split
            : new FileSplit(split.path(), 0, Long.MAX_VALUE, false))) {
          byte[] all = in.readAllBytes();
          out.setString(0, all, 0, all.length);
          out.endRow();
          return 1;
        }
      }
      long rows = 0;
      try (LineReader lines = LineReader.open(split, options.lineSeparatorInRead)) {
        while (lines.next()) {
          out.setString(0, lines.buffer(), lines.start(), lines.length());
          out.endRow();
          rows++;
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + split.path(), e);
    }
  }
}
