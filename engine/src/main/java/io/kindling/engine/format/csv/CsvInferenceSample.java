package io.kindling.engine.format.csv;

import io.kindling.engine.format.InferredType;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample a CSV schema is inferred from when the input is large and the user left {@code samplingRatio} unset
 * (as DuckDB sniffs a sample): {@value #CHUNKS} byte ranges spread evenly over the input, together about
 * {@code sampleBytes} long, the first one starting the first file (so the first rows are always in). A sampled
 * schema is only used when every column saw a value and no column came out as a date (the one type whose
 * conversion and inference parse differently); reads with it check that every value still fits its column
 * ({@link CsvReader} fails with a message naming the value otherwise), so a query never gives a result that a
 * schema inferred from every row would not.
 */
public final class CsvInferenceSample {
  /** The option key (internal) that marks a CSV source whose schema was inferred from a sample. */
  public static final String SAMPLED_OPTION = "kindling.internal.schemaFromSample";

  static final int CHUNKS = 16;

  private CsvInferenceSample() {}

  /** One file of the input: its path and length. */
  public record Input(String path, long length) {}

  /**
   * The byte ranges to infer from, or null when the whole input should be read: sampling is off
   * ({@code sampleBytes <= 0}), the input is at most twice the sample, or a file is compressed.
   */
  public static List<FileSplit> splits(List<Input> files, long sampleBytes) {
    if (sampleBytes <= 0) {
      return null;
    }
    long total = 0;
    for (Input f : files) {
      if (FileSplitter.isCompressed(f.path())) {
        return null;
      }
      total += f.length();
    }
    if (total <= 2 * sampleBytes) {
      return null;
    }
    long chunk = Math.max(1, sampleBytes / CHUNKS);
    List<FileSplit> out = new ArrayList<>();
    for (int i = 0; i < CHUNKS; i++) {
      long at = (long) ((double) i * total / CHUNKS);
      long base = 0;
      for (Input f : files) {
        if (at < base + f.length()) {
          long start = at - base;
          long length = Math.min(chunk, f.length() - start);
          if (length > 0) {
            out.add(new FileSplit(f.path(), start, length, false));
          }
          break;
        }
        base += f.length();
      }
    }
    return out;
  }

  /** Whether types inferred from a sample may stand for the whole input (see the class comment). */
  public static boolean usable(InferredType[] types) {
    if (types == null) {
      return false;
    }
    for (InferredType t : types) {
      if (t.kind() == InferredType.Kind.NULL || t.kind() == InferredType.Kind.DATE) {
        return false;
      }
    }
    return true;
  }

  /** The inference type a column read as {@code type} stands for (decimals are read as doubles). */
  static InferredType of(DataType type) {
    if (type.equals(DataTypes.IntegerType)) {
      return InferredType.INT;
    } else if (type.equals(DataTypes.LongType)) {
      return InferredType.LONG;
    } else if (type.equals(DataTypes.DoubleType)) {
      return InferredType.DOUBLE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return InferredType.TIMESTAMP;
    } else if (type.equals(DataTypes.BooleanType)) {
      return InferredType.BOOLEAN;
    } else if (type.equals(DataTypes.DateType)) {
      return InferredType.DATE;
    }
    return InferredType.STRING;
  }
}
