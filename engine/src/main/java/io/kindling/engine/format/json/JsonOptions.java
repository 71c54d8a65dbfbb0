package io.kindling.engine.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.ParseMode;
import io.kindling.engine.format.output.Compression;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Spark 3.5's JSON options. Supported: {@code samplingRatio}, {@code primitivesAsString}, {@code prefersDecimal}
 * (decimals become doubles: Kindling has no DecimalType yet), {@code allowComments},
 * {@code allowUnquotedFieldNames}, {@code allowSingleQuotes} (default true), {@code allowNumericLeadingZeros},
 * {@code allowNonNumericNumbers} (default true), {@code allowBackslashEscapingAnyCharacter},
 * {@code allowUnquotedControlChars}, {@code mode}, {@code columnNameOfCorruptRecord}, {@code dropFieldIfAllNull},
 * {@code inferTimestamp}, {@code dateFormat}, {@code timestampFormat}, {@code timeZone}, {@code lineSep},
 * {@code encoding}/{@code charset} (UTF-8), {@code ignoreNullFields} (write, default true),
 * {@code writeNonAsciiCharacterAsCodePoint}, {@code pretty} (write: Jackson's default pretty printer, each record
 * still followed by {@code lineSep}), {@code compression}/{@code codec}. Accepted only in their default form:
 * {@code multiLine} (false), {@code locale} (en-US), {@code enableDateTimeParsingFallback} (unset). Ignored (no TIMESTAMP_NTZ type): {@code timestampNTZFormat}.
 */
public final class JsonOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  final double samplingRatio;
  final boolean primitivesAsString;
  final boolean prefersDecimal;
  final boolean allowComments;
  final boolean allowUnquotedFieldNames;
  final boolean allowSingleQuotes;
  final boolean allowNumericLeadingZeros;
  final boolean allowNonNumericNumbers;
  final boolean allowBackslashEscapingAnyCharacter;
  final boolean allowUnquotedControlChars;
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final boolean dropFieldIfAllNull;
  final boolean inferTimestamp;
  final DateTimeCodec dateTimes;
  final byte[] lineSeparatorInRead;
  final String lineSeparatorInWrite;
  final boolean ignoreNullFields;
  final boolean writeNonAscii;
  final boolean pretty;
  final Compression compression;

  private JsonOptions(FormatOptions o) {
    o.requireDefault("JSON", "multiLine", "false", "each line must hold one JSON record (JSON lines)");
    o.requireDefault("JSON", "locale", "en-US", "values are read in the en-US locale");
    if (o.contains("enableDateTimeParsingFallback")) {
      throw new KindlingException("The JSON option 'enableDateTimeParsingFallback' is not supported by Kindling: "
          + "the fallback is on exactly when no dateFormat/timestampFormat is given, as Spark's default");
    }
    String encoding = o.getAny("encoding", "charset").orElse("UTF-8");
    Charset cs;
    try {
      cs = Charset.forName(encoding);
    } catch (RuntimeException e) {
      throw new KindlingException("Unsupported encoding '" + encoding + "' for the JSON option 'encoding'");
    }
    if (!cs.equals(StandardCharsets.UTF_8) && !cs.equals(StandardCharsets.US_ASCII)) {
      throw new KindlingException("The JSON encoding '" + encoding + "' is not supported by Kindling: use UTF-8");
    }
    this.samplingRatio = o.getDouble("samplingRatio", 1.0);
    if (!(samplingRatio > 0)) {
      throw new KindlingException("samplingRatio (" + samplingRatio + ") should be greater than 0");
    }
    this.primitivesAsString = o.getBoolean("primitivesAsString", false);
    this.prefersDecimal = o.getBoolean("prefersDecimal", false);
    this.allowComments = o.getBoolean("allowComments", false);
    this.allowUnquotedFieldNames = o.getBoolean("allowUnquotedFieldNames", false);
    this.allowSingleQuotes = o.getBoolean("allowSingleQuotes", true);
    this.allowNumericLeadingZeros = o.getBoolean("allowNumericLeadingZeros", false);
    this.allowNonNumericNumbers = o.getBoolean("allowNonNumericNumbers", true);
    this.allowBackslashEscapingAnyCharacter = o.getBoolean("allowBackslashEscapingAnyCharacter", false);
    this.allowUnquotedControlChars = o.getBoolean("allowUnquotedControlChars", false);
    this.mode = ParseMode.fromOption(o.get("mode", "PERMISSIVE"));
    this.columnNameOfCorruptRecord = o.get("columnNameOfCorruptRecord", "_corrupt_record");
    this.dropFieldIfAllNull = o.getBoolean("dropFieldIfAllNull", false);
    this.inferTimestamp = o.getBoolean("inferTimestamp", false);
    this.dateTimes = DateTimeCodec.from(o);
    String lineSep = o.get("lineSep").orElse(null);
    if (lineSep != null && lineSep.isEmpty()) {
      throw new KindlingException("'lineSep' cannot be an empty string");
    }
    this.lineSeparatorInRead = lineSep == null ? null : lineSep.getBytes(StandardCharsets.UTF_8);
    this.lineSeparatorInWrite = lineSep == null ? "\n" : lineSep;
    this.ignoreNullFields = o.getBoolean("ignoreNullFields", true);
    this.writeNonAscii = o.getBoolean("writeNonAsciiCharacterAsCodePoint", false);
    this.pretty = o.getBoolean("pretty", false);
    this.compression = Compression.fromOptions(o);
  }

  public static JsonOptions from(FormatOptions options) {
    return new JsonOptions(options);
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

  JsonFactory factory() {
    JsonFactoryBuilder b = new JsonFactoryBuilder();
    b.configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, allowComments);
    b.configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, allowUnquotedFieldNames);
    b.configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, allowSingleQuotes);
    b.configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, allowNumericLeadingZeros);
    b.configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, allowNonNumericNumbers);
    b.configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, allowBackslashEscapingAnyCharacter);
    b.configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, allowUnquotedControlChars);
    b.configure(JsonWriteFeature.ESCAPE_NON_ASCII, writeNonAscii);
    return b.build();
  }
}
