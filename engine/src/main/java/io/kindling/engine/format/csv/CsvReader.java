package io.kindling.engine.format.csv;

import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.DateTimes;
import io.kindling.engine.format.InferredType;
import io.kindling.engine.format.MalformedRecordException;
import io.kindling.engine.format.ParseMode;
import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.InputPaths;
import io.kindling.engine.source.LineReader;
import io.kindling.sql.AnalysisException;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows of a CSV file split into a {@link RowConsumer}, as Spark 3.5 reads CSV without multiLine:
 * blank lines (only whitespace) and comment lines are skipped, the first record of each file is the header when
 * {@code header} is set (only the split that starts the file sees it), fields map to the data schema by position
 * (the corrupt-record column excluded), and only the columns of the required schema are converted (numbers and
 * datetimes straight from the bytes). A record is malformed when its field count differs from the schema's or a
 * required field does not convert; then PERMISSIVE keeps it with nulls for those fields and the raw line in the
 * corrupt-record column (if required), DROPMALFORMED drops it, FAILFAST throws {@link MalformedRecordException}.
 *
 * <p>Not thread-safe: one reader per task (construction is cheap).
 */
public final class CsvReader {
  private static final int STRING = 0;
  private static final int INT = 1;
  private static final int LONG = 2;
  private static final int DOUBLE = 3;
  private static final int FLOAT = 4;
  private static final int SHORT = 5;
  private static final int BYTE = 6;
  private static final int BOOLEAN = 7;
  private static final int DATE = 8;
  private static final int TIMESTAMP = 9;

  private final CsvOptions options;
  private final StructType dataSchema;
  private final int parsedWidth;
  private final List<String> parsedNames;
  private final int[] tokenIndex;
  private final int[] types;
  private final int corruptIndex;
  private final CsvTokenizer tokenizer;
  private final DateTimeCodec dates;
  private final byte[] nullBytes;
  private final byte[] emptyBytes;
  private final byte[] nanBytes;
  private final byte[] posInfBytes;
  private final byte[] negInfBytes;
  private final boolean[] ok = new boolean[1];
  // Lines in another charset are converted to UTF-8 before they are tokenized.
  private final boolean utf8;
  // With a schema inferred from a sample: the inference that checks a value that does not convert, and the
  // inferred type each required column stands for (both null otherwise).
  private final CsvSchemaInference sampleCheck;
  private final InferredType[] sampledTypes;
  private String fileName;
  private String failure;
  private int lineStart;
  private int lineEnd;

  /**
   * @param dataSchema the columns of the file, in order (may include the corrupt-record column, a nullable string
   *     named by {@code columnNameOfCorruptRecord}, which takes no field)
   * @param requiredSchema the columns to produce, each a field of {@code dataSchema}; consumer column {@code i}
   *     is {@code requiredSchema.get(i)}
   */
  public CsvReader(CsvOptions options, StructType dataSchema, StructType requiredSchema) {
    this.options = options;
    this.dataSchema = dataSchema;
    this.tokenizer = new CsvTokenizer(options, false);
    this.dates = options.dateTimes;
    String corruptName = options.columnNameOfCorruptRecord;
    List<String> names = new ArrayList<>();
    for (StructField f : dataSchema) {
      if (f.name().equals(corruptName)) {
        if (!f.dataType().equals(DataTypes.StringType) || !f.nullable()) {
          throw new KindlingException("The field for corrupt records must be string type and nullable.");
        }
        continue;
      }
      names.add(f.name());
    }
    this.parsedNames = List.copyOf(names);
    this.parsedWidth = names.size();
    int n = requiredSchema.size();
    this.tokenIndex = new int[n];
    this.types = new int[n];
    int corrupt = -1;
    for (int i = 0; i < n; i++) {
      StructField f = requiredSchema.get(i);
      if (f.name().equals(corruptName)) {
        if (!f.dataType().equals(DataTypes.StringType)) {
          throw new KindlingException("The field for corrupt records must be string type and nullable.");
        }
        corrupt = i;
        tokenIndex[i] = -1;
        continue;
      }
      int t = names.indexOf(f.name());
      if (t < 0) {
        throw new KindlingException("Required column '" + f.name() + "' is not in the CSV data schema "
            + dataSchema.simpleString());
      }
      tokenIndex[i] = t;
      types[i] = typeCode(f);
    }
    for (StructField f : dataSchema) {
      if (!f.name().equals(corruptName)) {
        typeCode(f);
      }
    }
    this.corruptIndex = corrupt;
    this.utf8 = options.isUtf8();
    if (options.schemaFromSample) {
      this.sampleCheck = new CsvSchemaInference(options);
      this.sampledTypes = new InferredType[n];
      for (int i = 0; i < n; i++) {
        sampledTypes[i] = CsvInferenceSample.of(requiredSchema.get(i).dataType());
      }
    } else {
      this.sampleCheck = null;
      this.sampledTypes = null;
    }
    this.nullBytes = options.nullValue.getBytes(StandardCharsets.UTF_8);
    this.emptyBytes = options.emptyValueInRead.getBytes(StandardCharsets.UTF_8);
    this.nanBytes = options.nanValue.getBytes(StandardCharsets.UTF_8);
    this.posInfBytes = options.positiveInf.getBytes(StandardCharsets.UTF_8);
    this.negInfBytes = options.negativeInf.getBytes(StandardCharsets.UTF_8);
  }

  private static int typeCode(StructField f) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.StringType)) {
      return STRING;
    } else if (t.equals(DataTypes.IntegerType)) {
      return INT;
    } else if (t.equals(DataTypes.LongType)) {
      return LONG;
    } else if (t.equals(DataTypes.DoubleType)) {
      return DOUBLE;
    } else if (t.equals(DataTypes.FloatType)) {
      return FLOAT;
    } else if (t.equals(DataTypes.ShortType)) {
      return SHORT;
    } else if (t.equals(DataTypes.ByteType)) {
      return BYTE;
    } else if (t.equals(DataTypes.BooleanType)) {
      return BOOLEAN;
    } else if (t.equals(DataTypes.DateType)) {
      return DATE;
    } else if (t.equals(DataTypes.TimestampType)) {
      return TIMESTAMP;
    }
    throw new AnalysisException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the "
        + "column `" + f.name() + "` of the type \"" + t.sql() + "\".");
  }

  /**
   * Fails with Spark's {@code UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE} when a user's schema has a column CSV can't hold
   * (an array, say), as Spark does when the DataFrame is made rather than at its first action.
   */
  public static void checkSchema(StructType schema) {
    for (StructField f : schema) {
      typeCode(f);
    }
  }

  /** Reads a split of a file (the whole file when it is compressed); returns the number of rows kept. */
  public long read(FileSplit split, RowConsumer out) {
    try (Cursor cursor = open(split)) {
      cursor.advance(out, Long.MAX_VALUE);
      return cursor.rows;
    }
  }

  /**
   * Opens a split for reading a few rows at a time ({@link Cursor#advance}), so that a scan can hand each batch
   * on as soon as it is full instead of parsing the whole split first.
   */
  public Cursor open(FileSplit split) {
    LineReader lines;
    try {
      lines = LineReader.open(split, options.lineSeparatorInRead);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + split.path(), e);
    }
    boolean startOfFile = split.start() == 0 || split.compressed();
    return new Cursor(lines, startOfFile, InputPaths.uri(split.path()), split.path());
  }

  /**
   * Reads the lines of a reader into {@code out}.
   *
   * @param startOfFile whether the lines start the file (the header, if any, is then its first record)
   * @param fileName for messages
   */
  public long read(LineReader lines, boolean startOfFile, String fileName, RowConsumer out) {
    Cursor cursor = new Cursor(lines, startOfFile, fileName, fileName);
    cursor.advance(out, Long.MAX_VALUE);
    return cursor.rows;
  }

  /** A split being read: {@link #advance} parses rows until a count of them were kept or the lines end. */
  public final class Cursor implements AutoCloseable {
    private final LineReader lines;
    private final boolean startOfFile;
    private final String fileName;
    private final String path;
    private boolean headerPending;
    private boolean done;
    private long rows;

    private Cursor(LineReader lines, boolean startOfFile, String fileName, String path) {
      this.lines = lines;
      this.startOfFile = startOfFile;
      this.fileName = fileName;
      this.path = path;
      this.headerPending = options.header && startOfFile;
    }

    /** The rows kept so far. */
    public long rows() {
      return rows;
    }

    /**
     * Passes rows to {@code out} until {@code maxRows} more were kept (ended with {@code endRow}) or the input
     * ends; returns false once the input has ended.
     */
    public boolean advance(RowConsumer out, long maxRows) {
      if (done) {
        return false;
      }
      CsvReader.this.fileName = fileName;
      long stopAt = maxRows > Long.MAX_VALUE - rows ? Long.MAX_VALUE : rows + maxRows;
      while (rows < stopAt) {
        if (!lines.next()) {
          done = true;
          return false;
        }
        readLine(out);
      }
      return true;
    }

    private void readLine(RowConsumer out) {
      byte[] b = lines.buffer();
      int s = lines.start();
      int n = lines.length();
      if (!utf8) {
        b = new String(b, s, n, options.charset).getBytes(StandardCharsets.UTF_8);
        s = 0;
        n = b.length;
      }
      if (CsvLines.skip(b, s, n, options.comment)) {
        return;
      }
      lineStart = s;
      lineEnd = s + n;
      tokenizer.tokenize(b, s, s + n);
      if (headerPending) {
        headerPending = false;
        if (!options.enforceSchema) {
          checkHeader(tokenizer.toStrings(StandardCharsets.UTF_8), fileName);
        }
        return;
      }
      if (convertRow(out)) {
        out.endRow();
        rows++;
        return;
      }
      switch (options.mode) {
        case PERMISSIVE -> {
          out.endRow();
          rows++;
        }
        case DROPMALFORMED -> out.discardRow();
        case FAILFAST -> {
          String where = startOfFile ? "line " + lines.lineNumber() : "byte offset " + lines.linePosition();
          throw MalformedRecordException.failFast(new String(b, s, n, StandardCharsets.UTF_8), fileName, where,
              failure, null);
        }
        default -> throw new IllegalStateException(options.mode.name());
      }
    }

    @Override
    public void close() {
      try {
        lines.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not close " + path, e);
      }
    }
  }

  /** Sets every required column; false when the record is malformed ({@link #failure} says why). */
  private boolean convertRow(RowConsumer out) {
    CsvTokenizer tok = tokenizer;
    boolean good = tok.count == parsedWidth;
    if (!good) {
      failure = "expected " + parsedWidth + " fields but found " + tok.count;
    }
    for (int c = 0; c < tokenIndex.length; c++) {
      int t = tokenIndex[c];
      if (t < 0) {
        continue;
      }
      if (t >= tok.count) {
        out.setNull(c);
      } else if (!convert(c, t, out)) {
        if (sampleCheck != null) {
          checkSampledType(c, t);
        }
        out.setNull(c);
        if (good) {
          good = false;
        }
      }
    }
    if (corruptIndex >= 0) {
      if (good) {
        out.setNull(corruptIndex);
      } else {
        out.setString(corruptIndex, new String(tok.line, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8));
      }
    }
    return good;
  }

  /** Converts field {@code t} into column {@code c}; false (nothing set) when it does not parse. */
  private boolean convert(int c, int t, RowConsumer out) {
    CsvTokenizer tok = tokenizer;
    byte[] b = tok.bytes(t);
    int off = tok.starts[t];
    int len = tok.ends[t] - off;
    if (len == 0) {
      if (!tok.quoted[t]) {
        out.setNull(c);
        return true;
      }
      b = emptyBytes;
      off = 0;
      len = b.length;
    }
    if (ByteNumbers.equalsBytes(b, off, len, nullBytes)) {
      out.setNull(c);
      return true;
    }
    switch (types[c]) {
      case STRING -> {
        out.setString(c, b, off, len);
        return true;
      }
      case INT -> {
        long v = ByteNumbers.parseInt(b, off, len);
        if (v == ByteNumbers.FAIL) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as int");
        }
        out.setInt(c, (int) v);
        return true;
      }
      case LONG -> {
        long v = ByteNumbers.parseLong(b, off, len);
        if (v == ByteNumbers.FAIL && !text(b, off, len).equals(String.valueOf(Long.MIN_VALUE))) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as bigint");
        }
        if (v == ByteNumbers.FAIL && sampleCheck != null) {
          checkSampledType(c, t);
        }
        out.setLong(c, v);
        return true;
      }
      case DOUBLE -> {
        double v = parseDouble(b, off, len);
        if (!ok[0]) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as double");
        }
        out.setDouble(c, v);
        return true;
      }
      case FLOAT -> {
        float v = parseFloat(b, off, len);
        if (!ok[0]) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as float");
        }
        out.setFloat(c, v);
        return true;
      }
      case SHORT -> {
        long v = ByteNumbers.parseInt(b, off, len);
        if (v == ByteNumbers.FAIL || v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as smallint");
        }
        out.setShort(c, (short) v);
        return true;
      }
      case BYTE -> {
        long v = ByteNumbers.parseInt(b, off, len);
        if (v == ByteNumbers.FAIL || v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as tinyint");
        }
        out.setByte(c, (byte) v);
        return true;
      }
      case BOOLEAN -> {
        int v = ByteNumbers.parseBoolean(b, off, len);
        if (v < 0) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as boolean");
        }
        out.setBoolean(c, v == 1);
        return true;
      }
      case DATE -> {
        long v = dates.hasDatePattern() ? DateTimes.FAIL : DateTimes.parseIsoDate(b, off, len);
        if (v == DateTimes.FAIL) {
          v = dates.parseDate(text(b, off, len));
        }
        if (v == DateTimes.FAIL || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as date");
        }
        out.setDate(c, (int) v);
        return true;
      }
      case TIMESTAMP -> {
        long v = dates.parseTimestamp(b, off, len);
        if (v == DateTimes.FAIL) {
          return fail(t, "cannot parse '" + text(b, off, len) + "' as timestamp");
        }
        out.setTimestamp(c, v);
        return true;
      }
      default -> throw new IllegalStateException("type " + types[c]);
    }
  }

  /**
   * With a schema inferred from a sample: fails when field {@code t} would have widened column {@code c}'s type
   * had inference read every row (the query would otherwise give a different result than Spark's).
   */
  private void checkSampledType(int c, int t) {
    CsvTokenizer tok = tokenizer;
    int off = tok.starts[t];
    int len = tok.ends[t] - off;
    InferredType column = sampledTypes[c];
    InferredType widened = sampleCheck.inferValue(column, tok.bytes(t), off, len, tok.quoted[t]);
    if (!widened.toDataType().equals(column.toDataType())) {
      throw new KindlingException("The schema of " + fileName + " was inferred from a sample of its rows, and "
          + "column '" + parsedNames.get(t) + "' came out as " + column.toDataType().simpleString() + ", but the "
          + "value '" + text(tok.bytes(t), off, len) + "' in the line '" + text(tok.line, lineStart,
          lineEnd - lineStart) + "' is not one (inferring from every row gives "
          + widened.toDataType().simpleString() + "). Read with .option(\"samplingRatio\", \"1.0\") to infer "
          + "from every row, or give the schema with .schema(...).");
    }
  }

  private boolean fail(int token, String why) {
    failure = "field " + (token + 1) + " (" + parsedNames.get(token) + "): " + why;
    return false;
  }

  private double parseDouble(byte[] b, int off, int len) {
    ok[0] = true;
    if (ByteNumbers.equalsBytes(b, off, len, nanBytes)) {
      return Double.NaN;
    }
    if (ByteNumbers.equalsBytes(b, off, len, negInfBytes)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (ByteNumbers.equalsBytes(b, off, len, posInfBytes)) {
      return Double.POSITIVE_INFINITY;
    }
    return ByteNumbers.parseDouble(b, off, len, ok);
  }

  private float parseFloat(byte[] b, int off, int len) {
    ok[0] = true;
    if (ByteNumbers.equalsBytes(b, off, len, nanBytes)) {
      return Float.NaN;
    }
    if (ByteNumbers.equalsBytes(b, off, len, negInfBytes)) {
      return Float.NEGATIVE_INFINITY;
    }
    if (ByteNumbers.equalsBytes(b, off, len, posInfBytes)) {
      return Float.POSITIVE_INFINITY;
    }
    try {
      return Float.parseFloat(text(b, off, len));
    } catch (NumberFormatException e) {
      ok[0] = false;
      return 0;
    }
  }

  private static String text(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.UTF_8);
  }

  /** With {@code enforceSchema=false}: the header must name the schema's columns, in order (any case). */
  private void checkHeader(String[] header, String fileName) {
    if (header.length != parsedWidth) {
      throw new KindlingException("Number of column in CSV header is not equal to number of fields in the schema:\n"
          + " Header length: " + header.length + ", schema size: " + parsedWidth + "\nCSV file: " + fileName);
    }
    for (int i = 0; i < header.length; i++) {
      String expected = parsedNames.get(i);
      if (!header[i].toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
        throw new KindlingException("CSV header does not conform to the schema.\n Header: "
            + String.join(", ", header) + "\n Schema: " + String.join(", ", parsedNames) + "\nExpected: "
            + expected + " but found: " + header[i] + "\nCSV file: " + fileName);
      }
    }
  }

  StructType dataSchema() {
    return dataSchema;
  }
}
