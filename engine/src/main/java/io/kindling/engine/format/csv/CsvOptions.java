package io.kindling.engine.format.csv;

import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.ParseMode;
import io.kindling.engine.format.output.Compression;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Spark 3.5's CSV options, parsed and checked once. Every option Spark knows is either supported here or
 * rejected with an error naming it; unknown names are ignored, as Spark does.
 *
 * <p>Supported: {@code sep}/{@code delimiter} (several characters allowed), {@code quote} ({@code ""} turns
 * quoting off), {@code escape}, {@code charToEscapeQuoteEscaping}, {@code comment}, {@code header},
 * {@code inferSchema}, {@code enforceSchema}, {@code preferDate}, {@code samplingRatio},
 * {@code ignoreLeadingWhiteSpace}, {@code ignoreTrailingWhiteSpace} (false when reading, true when writing, as in
 * Spark), {@code nullValue}, {@code emptyValue}, {@code nanValue}, {@code positiveInf}, {@code negativeInf},
 * {@code dateFormat}, {@code timestampFormat}, {@code timeZone}, {@code maxColumns}, {@code maxCharsPerColumn},
 * {@code mode}, {@code columnNameOfCorruptRecord}, {@code encoding}/{@code charset} (ASCII-compatible charsets),
 * {@code lineSep} (one or two characters), {@code quoteAll}, {@code escapeQuotes}, {@code compression}/{@code codec}.
 * Accepted only in their default form: {@code multiLine} (false), {@code locale} (en-US),
 * {@code unescapedQuoteHandling} (STOP_AT_DELIMITER), {@code enableDateTimeParsingFallback} (unset).
 * Ignored as in Spark 3.5 or meaningless without a TIMESTAMP_NTZ type: {@code inputBufferSize},
 * {@code timestampNTZFormat}.
 */
public final class CsvOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  final byte[] delimiter;
  final String delimiterString;
  final char quote;
  final char escape;
  final char escapeEscape;
  final byte[] comment;
  /** Quoted when it starts a written record's first value: {@code comment}, else {@code #} (as Spark). */
  final char commentInWrite;
  final boolean header;
  final boolean inferSchema;
  final boolean enforceSchema;
  final boolean preferDate;
  final double samplingRatio;
  final boolean ignoreLeadingWhiteSpaceInRead;
  final boolean ignoreTrailingWhiteSpaceInRead;
  final boolean ignoreLeadingWhiteSpaceInWrite;
  final boolean ignoreTrailingWhiteSpaceInWrite;
  final String nullValue;
  final String emptyValueInRead;
  final String emptyValueInWrite;
  /** What {@code quoteAll} quotes for an empty value: {@code emptyValue} if given, else nothing. */
  final String emptyValueQuotedInWrite;
  final String nanValue;
  final String positiveInf;
  final String negativeInf;
  final DateTimeCodec dateTimes;
  final int maxColumns;
  final int maxCharsPerColumn;
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final Charset charset;
  final byte[] lineSeparatorInRead;
  final String lineSeparatorInWrite;
  final boolean quoteAll;
  final boolean escapeQuotes;
  final Compression compression;
  /** Set (internally) when the data schema was inferred from a sample: reads check each value still fits. */
  final boolean schemaFromSample;

  private CsvOptions(FormatOptions o) {
    o.requireDefault("CSV", "multiLine", "false",
        "records must be on one line (a quoted value cannot contain a line break when reading)");
    o.requireDefault("CSV", "locale", "en-US", "numbers and dates are read in the en-US locale");
    o.requireDefault("CSV", "unescapedQuoteHandling", "STOP_AT_DELIMITER",
        "an unescaped quote makes the value raw text up to the next delimiter");
    if (o.contains("enableDateTimeParsingFallback")) {
      throw new KindlingException("The CSV option 'enableDateTimeParsingFallback' is not supported by Kindling: "
          + "the fallback is on exactly when no dateFormat/timestampFormat is given, as Spark's default");
    }
    String sep = o.getAny("sep", "delimiter").orElse(",");
    this.delimiterString = delimiterString(sep);
    this.delimiter = delimiterString.getBytes(StandardCharsets.UTF_8);
    this.quote = charOption(o, "quote", '"');
    this.escape = charOption(o, "escape", '\\');
    this.escapeEscape = charOption(o, "charToEscapeQuoteEscaping", escape == quote ? '\0' : escape);
    char c = charOption(o, "comment", '\0');
    this.comment = c == '\0' ? null : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
    this.commentInWrite = c == '\0' ? '#' : c;
    this.header = o.getBoolean("header", false);
    this.inferSchema = o.getBoolean("inferSchema", false);
    this.enforceSchema = o.getBoolean("enforceSchema", true);
    this.preferDate = o.getBoolean("preferDate", true);
    this.samplingRatio = o.getDouble("samplingRatio", 1.0);
    if (!(samplingRatio > 0)) {
      throw new KindlingException("samplingRatio (" + samplingRatio + ") should be greater than 0");
    }
    this.ignoreLeadingWhiteSpaceInRead = o.getBoolean("ignoreLeadingWhiteSpace", false);
    this.ignoreTrailingWhiteSpaceInRead = o.getBoolean("ignoreTrailingWhiteSpace", false);
    this.ignoreLeadingWhiteSpaceInWrite = o.getBoolean("ignoreLeadingWhiteSpace", true);
    this.ignoreTrailingWhiteSpaceInWrite = o.getBoolean("ignoreTrailingWhiteSpace", true);
    this.nullValue = o.get("nullValue", "");
    this.emptyValueInRead = o.get("emptyValue", "");
    this.emptyValueInWrite = o.get("emptyValue", "\"\"");
    this.emptyValueQuotedInWrite = o.get("emptyValue", "");
    this.nanValue = o.get("nanValue", "NaN");
    this.positiveInf = o.get("positiveInf", "Inf");
    this.negativeInf = o.get("negativeInf", "-Inf");
    this.dateTimes = DateTimeCodec.from(o);
    this.maxColumns = o.getInt("maxColumns", 20480);
    this.maxCharsPerColumn = o.getInt("maxCharsPerColumn", -1);
    this.mode = ParseMode.fromOption(o.get("mode", "PERMISSIVE"));
    this.columnNameOfCorruptRecord = o.get("columnNameOfCorruptRecord", "_corrupt_record");
    this.charset = charset(o.getAny("encoding", "charset").orElse("UTF-8"));
    String lineSep = o.get("lineSep").orElse(null);
    if (lineSep != null && lineSep.isEmpty()) {
      throw new KindlingException("'lineSep' cannot be an empty string");
    }
    // Spark's check lets two characters through (for \r\n, and any other pair), though its message says one.
    if (lineSep != null && lineSep.length() > 2) {
      throw new KindlingException("'lineSep' can contain only 1 character: '" + lineSep + "'");
    }
    this.lineSeparatorInRead = lineSep == null ? null : lineSep.getBytes(charset);
    this.lineSeparatorInWrite = lineSep == null ? "\n" : lineSep;
    this.quoteAll = o.getBoolean("quoteAll", false);
    this.escapeQuotes = o.getBoolean("escapeQuotes", true);
    this.compression = Compression.fromOptions(o);
    this.schemaFromSample = o.getBoolean(CsvInferenceSample.SAMPLED_OPTION, false);
  }

  public static CsvOptions from(FormatOptions options) {
    return new CsvOptions(options);
  }

  public boolean header() {
    return header;
  }

  public boolean inferSchema() {
    return inferSchema;
  }

  public double samplingRatio() {
    return samplingRatio;
  }

  public ParseMode mode() {
    return mode;
  }

  public String columnNameOfCorruptRecord() {
    return columnNameOfCorruptRecord;
  }

  public Compression compression() {
    return compression;
  }

  public DateTimeCodec dateTimes() {
    return dateTimes;
  }

  boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
  }

  /** Spark's rules for {@code sep}: one or more characters, {@code \t} and {@code \\uXXXX} escapes allowed. */
  static String delimiterString(String sep) {
    if (sep.isEmpty()) {
      throw new KindlingException("Delimiter cannot be empty string");
    }
    if (sep.equals("\\")) {
      throw new KindlingException("Single backslash is prohibited. It has special meaning as beginning of an "
          + "escape sequence. To get the backslash character, pass a string with two backslashes as the delimiter.");
    }
    if (sep.startsWith("\\") && sep.length() == 2) {
      return switch (sep.charAt(1)) {
        case 't' -> "\t";
        case 'r' -> "\r";
        case 'b' -> "\b";
        case 'f' -> "\f";
        case '"' -> "\"";
        case '\'' -> "'";
        case '\\' -> "\\";
        case 'u' -> throw new KindlingException("Unsupported special character for delimiter: " + sep);
        default -> throw new KindlingException("Unsupported special character for delimiter: " + sep);
      };
    }
    if (sep.startsWith("\\u") && sep.length() == 6) {
      try {
        return String.valueOf((char) Integer.parseInt(sep.substring(2), 16));
      } catch (NumberFormatException e) {
        throw new KindlingException("Unsupported special character for delimiter: " + sep);
      }
    }
    return sep;
  }

  private static char charOption(FormatOptions o, String name, char defaultValue) {
    String v = o.get(name).orElse(null);
    if (v == null) {
      return defaultValue;
    }
    if (v.isEmpty()) {
      return '\0';
    }
    if (v.length() > 1) {
      throw new KindlingException(name + " cannot be more than one character: '" + v + "'");
    }
    return v.charAt(0);
  }

  private static Charset charset(String name) {
    Charset cs;
    try {
      cs = Charset.forName(name);
    } catch (RuntimeException e) {
      throw new KindlingException("Unsupported encoding '" + name + "' for the CSV option 'encoding'");
    }
    byte[] probe = "\n\r,;\"'\\#az09".getBytes(cs);
    if (!Arrays.equals(probe, "\n\r,;\"'\\#az09".getBytes(StandardCharsets.US_ASCII))) {
      throw new KindlingException("The CSV encoding '" + name + "' is not supported by Kindling: only "
          + "ASCII-compatible encodings (UTF-8, ISO-8859-x, windows-125x, ...) can be split into lines");
    }
    return cs;
  }

  @Override
  public String toString() {
    return "CsvOptions(sep=" + delimiterString + ", quote=" + quote + ", escape=" + escape + ", header=" + header
        + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + ")";
  }
}
