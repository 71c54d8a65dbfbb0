package io.kindling.engine.format.csv;

import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.DateTimes;
import io.kindling.engine.format.InferredType;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.engine.source.LineReader;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Spark 3.5's CSV schema inference. The first record (first non-blank, non-comment line of the input) gives the
 * column count and, with {@code header}, the names (deduplicated as Spark does: {@code a,b,a} becomes
 * {@code a0,b,a2}; empty names become {@code _cN}); every other record, except lines equal to the header,
 * widens each column's type: int, long, decimal, double, date (strict {@code dateFormat}), timestamp, boolean,
 * string; empty and null values are ignored; a column with no value is a string. Without {@code inferSchema}
 * every column is a string. Inference can run per split ({@link #inferSplit}) and be merged ({@link #merge}),
 * and can be limited to the first bytes of the input: the result is the same whenever the sample holds every
 * type the whole input has.
 */
public final class CsvSchemaInference {
  private final CsvOptions options;
  private final DateTimeCodec dates;
  private final CsvTokenizer tokenizer;
  private final byte[] nanBytes;
  private final byte[] posInfBytes;
  private final byte[] negInfBytes;
  private final byte[] nullBytes;
  private final boolean[] ok = new boolean[1];

  public CsvSchemaInference(CsvOptions options) {
    this.options = options;
    this.dates = options.dateTimes;
    this.tokenizer = new CsvTokenizer(options, false);
    this.nanBytes = options.nanValue.getBytes(StandardCharsets.UTF_8);
    this.posInfBytes = options.positiveInf.getBytes(StandardCharsets.UTF_8);
    this.negInfBytes = options.negativeInf.getBytes(StandardCharsets.UTF_8);
    this.nullBytes = options.nullValue.getBytes(StandardCharsets.UTF_8);
  }

  /** The first record of the input, as raw line bytes and fields; null for an input with no record. */
  public record FirstRecord(byte[] line, List<String> fields) {}

  /**
   * Infers the schema of {@code files} reading at most {@code maxBytes} of them (in order; {@code Long.MAX_VALUE}
   * for all), on the calling thread.
   */
  public static StructType infer(List<Path> files, CsvOptions options, long maxBytes) {
    CsvSchemaInference inference = new CsvSchemaInference(options);
    FirstRecord first = inference.firstRecord(files);
    if (first == null) {
      return new StructType();
    }
    if (!options.inferSchema) {
      return inference.schema(first, null);
    }
    InferredType[] types = null;
    long budget = maxBytes;
    for (Path file : files) {
      if (budget <= 0) {
        break;
      }
      for (FileSplit split : FileSplitter.split(List.of(file), 1, Long.MAX_VALUE)) {
        InferredType[] t = inference.inferSplit(split, first, budget);
        types = types == null ? t : merge(types, t);
        budget -= split.length();
      }
    }
    return inference.schema(first, types);
  }

  /** The first record of the first file that has one (Spark reads the header from it), or null. */
  public FirstRecord firstRecord(List<Path> files) {
    List<FileInfo> infos = new ArrayList<>(files.size());
    for (Path file : files) {
      infos.add(new FileInfo(file.toString(), size(file), false, 0));
    }
    return firstRecordOfFiles(infos);
  }

  /** {@link #firstRecord} of listed files of any file system ({@code hdfs://} too). */
  public FirstRecord firstRecordOfFiles(List<FileInfo> files) {
    for (FileInfo file : files) {
      FileSplit whole = new FileSplit(file.path(), 0, file.length(), FileSplitter.isCompressed(file.path()));
      try (LineReader lines = LineReader.open(whole, options.lineSeparatorInRead)) {
        while (lines.next()) {
          byte[] b = lineBytes(lines);
          if (CsvLines.skip(b, 0, b.length, options.comment)) {
            continue;
          }
          tokenizer.tokenize(b, 0, b.length);
          return new FirstRecord(b, Arrays.asList(tokenizer.toStrings(StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + file.path(), e);
      }
    }
    return null;
  }

  /**
   * The column types seen in one split, reading at most {@code maxBytes} of it (lines starting past that are
   * not read). With {@code header}, lines equal to the header line are skipped in every split, as Spark does.
   */
  public InferredType[] inferSplit(FileSplit split, FirstRecord first, long maxBytes) {
    int width = first.fields().size();
    InferredType[] types = new InferredType[width];
    Arrays.fill(types, InferredType.NULL);
    long stopAt = split.compressed() || maxBytes > Long.MAX_VALUE - split.start() ? Long.MAX_VALUE
        : split.start() + Math.max(0, maxBytes);
    SplittableRandom random = options.samplingRatio < 1 ? new SplittableRandom(1L ^ split.start()) : null;
    boolean firstRecord = true;
    try (LineReader lines = LineReader.open(split, options.lineSeparatorInRead)) {
      while (lines.next()) {
        if (lines.linePosition() >= stopAt) {
          break;
        }
        byte[] b = lines.buffer();
        int s = lines.start();
        int n = lines.length();
        if (!options.isUtf8()) {
          b = lineBytes(lines);
          s = 0;
          n = b.length;
        }
        if (CsvLines.skip(b, s, n, options.comment)) {
          continue;
        }
        if (options.header && ByteNumbers.equalsBytes(b, s, n, first.line())) {
          continue;
        }
        // With samplingRatio < 1 the first record of a split is always in the sample, so a sample is never empty.
        if (random != null && !firstRecord && random.nextDouble() >= options.samplingRatio) {
          continue;
        }
        firstRecord = false;
        tokenizer.tokenize(b, s, s + n);
        int m = Math.min(width, tokenizer.count);
        for (int c = 0; c < m; c++) {
          types[c] = inferField(types[c], c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + split.path(), e);
    }
    return types;
  }

  /** Column-wise {@code compatibleType} of two splits' types. */
  public static InferredType[] merge(InferredType[] a, InferredType[] b) {
    InferredType[] out = new InferredType[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      InferredType x = i < a.length ? a[i] : InferredType.NULL;
      InferredType y = i < b.length ? b[i] : InferredType.NULL;
      out[i] = InferredType.csvCompatible(x, y);
    }
    return out;
  }

  /** The schema: names from the first record (header) or {@code _cN}; types inferred, or all strings if null. */
  public StructType schema(FirstRecord first, InferredType[] types) {
    List<String> names = columnNames(first.fields(), options.header, options.nullValue);
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(new StructField(names.get(i),
          types == null ? DataTypes.StringType : types[i].toDataType(), true));
    }
    return new StructType(fields);
  }

  /** Spark's {@code makeSafeHeader} (case-insensitive): duplicates get their index appended, blanks become _cN. */
  static List<String> columnNames(List<String> row, boolean header, String nullValue) {
    List<String> names = new ArrayList<>();
    if (!header) {
      for (int i = 0; i < row.size(); i++) {
        names.add("_c" + i);
      }
      return names;
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new HashSet<>();
    for (String v : row) {
      if (v != null && !seen.add(v.toLowerCase(Locale.ROOT))) {
        duplicates.add(v.toLowerCase(Locale.ROOT));
      }
    }
    for (int i = 0; i < row.size(); i++) {
      String v = row.get(i);
      if (v == null || v.isEmpty() || v.equals(nullValue)) {
        names.add("_c" + i);
      } else if (duplicates.contains(v.toLowerCase(Locale.ROOT))) {
        names.add(v + i);
      } else {
        names.add(v);
      }
    }
    return names;
  }

  /** Spark's {@code inferField} for field {@code t} of the current record. */
  private InferredType inferField(InferredType soFar, int t) {
    CsvTokenizer tok = tokenizer;
    return inferValue(soFar, tok.bytes(t), tok.starts[t], tok.ends[t] - tok.starts[t], tok.quoted[t]);
  }

  /** The type of a column that was {@code soFar} after it also sees the value {@code b[off, off + len)}. */
  InferredType inferValue(InferredType soFar, byte[] b, int off, int len, boolean quoted) {
    if (len == 0) {
      if (!quoted || options.emptyValueInRead.isEmpty()) {
        return soFar;
      }
      b = options.emptyValueInRead.getBytes(StandardCharsets.UTF_8);
      off = 0;
      len = b.length;
    }
    if (ByteNumbers.equalsBytes(b, off, len, nullBytes)) {
      return soFar;
    }
    InferredType found = switch (soFar.kind()) {
      case NULL, INT -> tryInt(b, off, len);
      case LONG -> tryLong(b, off, len);
      case DECIMAL -> tryDecimal(b, off, len);
      case DOUBLE -> tryDouble(b, off, len);
      case DATE -> tryDate(b, off, len);
      case TIMESTAMP -> tryTimestamp(b, off, len);
      case BOOLEAN -> tryBoolean(b, off, len);
      case STRING -> InferredType.STRING;
    };
    return InferredType.csvCompatible(soFar, found);
  }

  private InferredType tryInt(byte[] b, int off, int len) {
    return ByteNumbers.parseInt(b, off, len) != ByteNumbers.FAIL ? InferredType.INT : tryLong(b, off, len);
  }

  private InferredType tryLong(byte[] b, int off, int len) {
    return ByteNumbers.parseLong(b, off, len) != ByteNumbers.FAIL ? InferredType.LONG : tryDecimal(b, off, len);
  }

  private InferredType tryDecimal(byte[] b, int off, int len) {
    try {
      BigDecimal d = new BigDecimal(new String(b, off, len, StandardCharsets.UTF_8));
      if (d.scale() <= 0) {
        InferredType t = InferredType.decimal(d.precision(), d.scale());
        if (t != null) {
          return t;
        }
      }
    } catch (NumberFormatException e) {
      // not a decimal: try the next type
    }
    return tryDouble(b, off, len);
  }

  private InferredType tryDouble(byte[] b, int off, int len) {
    ByteNumbers.parseDouble(b, off, len, ok);
    if (ok[0] || ByteNumbers.equalsBytes(b, off, len, nanBytes)
        || ByteNumbers.equalsBytes(b, off, len, posInfBytes) || ByteNumbers.equalsBytes(b, off, len, negInfBytes)) {
      return InferredType.DOUBLE;
    }
    return options.preferDate ? tryDate(b, off, len) : tryTimestamp(b, off, len);
  }

  private InferredType tryDate(byte[] b, int off, int len) {
    if (options.preferDate) {
      long v = dates.hasDatePattern() ? DateTimes.FAIL : DateTimes.parseIsoDate(b, off, len);
      if (v == DateTimes.FAIL) {
        v = dates.parseDateStrict(new String(b, off, len, StandardCharsets.UTF_8));
      }
      if (v != DateTimes.FAIL) {
        return InferredType.DATE;
      }
    }
    return tryTimestamp(b, off, len);
  }

  private InferredType tryTimestamp(byte[] b, int off, int len) {
    long v = dates.parseTimestamp(b, off, len);
    return v != DateTimes.FAIL ? InferredType.TIMESTAMP : tryBoolean(b, off, len);
  }

  private static InferredType tryBoolean(byte[] b, int off, int len) {
    return ByteNumbers.parseBoolean(b, off, len) >= 0 ? InferredType.BOOLEAN : InferredType.STRING;
  }

  private byte[] lineBytes(LineReader lines) {
    byte[] raw = Arrays.copyOfRange(lines.buffer(), lines.start(), lines.start() + lines.length());
    return options.isUtf8() ? raw : new String(raw, options.charset).getBytes(StandardCharsets.UTF_8);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the size of " + file, e);
    }
  }
}
