package io.kindling.engine.format.csv;

import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimeCodec;
import io.kindling.engine.format.RecordWriter;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes rows as CSV the way Spark 3.5 does: a header line when {@code header} is set; numbers as Java prints
 * them ({@code 1.0E10}); dates and timestamps with {@code dateFormat}/{@code timestampFormat} (default
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session zone); null as {@code nullValue} (empty), the empty string
 * (also once trimmed) as {@code emptyValue} ({@code ""}); leading and trailing whitespace trimmed unless
 * {@code ignoreLeading/TrailingWhiteSpace=false}; a value quoted when it holds the separator, a line break, the
 * line separator or (with {@code escapeQuotes}) the quote, when it is a record's first and starts with the comment
 * character ({@code #} unless {@code comment} is set), or always with {@code quoteAll} (null and empty values
 * too); inside quotes the quote is escaped with {@code escape} and the escape with
 * {@code charToEscapeQuoteEscaping}. A record that comes out as an empty line (one column, null or empty) is not
 * written at all, as Spark's CSV writer skips empty lines.
 */
public final class CsvWriter implements RecordWriter {
  private final Writer out;
  private final CsvOptions options;
  private final DataTypeKind[] kinds;
  private final DateTimeCodec dates;
  private final String delimiter;
  private final String quote;
  /** The lineSep option when it holds more than line breaks: values containing it are then quoted too. */
  private final String otherLineSep;
  private final StringBuilder line = new StringBuilder(256);

  private enum DataTypeKind { STRING, NUMBER, BOOLEAN, DATE, TIMESTAMP }

  public CsvWriter(OutputStream stream, StructType schema, CsvOptions options) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, options.charset), 64 * 1024);
    this.options = options;
    this.dates = options.dateTimes;
    this.delimiter = options.delimiterString;
    this.quote = options.quote == '\0' ? "" : String.valueOf(options.quote);
    String sep = options.lineSeparatorInWrite;
    this.otherLineSep = sep.replace("\r", "").replace("\n", "").isEmpty() ? null : sep;
    this.kinds = new DataTypeKind[schema.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(schema.get(i));
    }
    if (options.header) {
      line.setLength(0);
      for (int i = 0; i < schema.size(); i++) {
        if (i > 0) {
          line.append(delimiter);
        }
        String name = schema.get(i).name();
        appendField(trim(name), i == 0 && startsComment(name));
      }
      out.write(line.append(options.lineSeparatorInWrite).toString());
    }
  }

  /** A factory for {@link io.kindling.engine.format.output.PartitionedWriter}. */
  public static RecordWriter.Factory factory(CsvOptions options) {
    return (stream, schema) -> new CsvWriter(stream, schema, options);
  }

  private static DataTypeKind kind(StructField f) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.StringType)) {
      return DataTypeKind.STRING;
    }
    if (t.isNumeric()) {
      return DataTypeKind.NUMBER;
    }
    if (t.equals(DataTypes.BooleanType)) {
      return DataTypeKind.BOOLEAN;
    }
    if (t.equals(DataTypes.DateType)) {
      return DataTypeKind.DATE;
    }
    if (t.equals(DataTypes.TimestampType)) {
      return DataTypeKind.TIMESTAMP;
    }
    throw new KindlingException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the "
        + "column `" + f.name() + "` of the type \"" + t.sql() + "\".");
  }

  @Override
  public void write(Object[] row) throws IOException {
    line.setLength(0);
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      Object v = row[i];
      if (v == null) {
        appendRaw(options.nullValue, i == 0);
        continue;
      }
      String s = switch (kinds[i]) {
        case STRING -> (String) v;
        case NUMBER, BOOLEAN -> v.toString();
        case DATE -> dates.formatDate((LocalDate) v);
        case TIMESTAMP -> dates.formatTimestamp((LocalDateTime) v);
      };
      String trimmed = trim(s);
      if (trimmed.isEmpty()) {
        if (options.quoteAll) {
          appendRaw(options.emptyValueQuotedInWrite, false);
        } else {
          line.append(options.emptyValueInWrite);
        }
        continue;
      }
      // As Spark's, the comment test looks at the value before trimming.
      appendField(trimmed, i == 0 && startsComment(s));
    }
    if (line.length() > 0) {
      out.write(line.append(options.lineSeparatorInWrite).toString());
    }
  }

  /** A null's or empty value's text: as given, quoted (not escaped) with {@code quoteAll} or as a comment. */
  private void appendRaw(String text, boolean first) {
    if (options.quoteAll || first && startsComment(text)) {
      line.append(quote).append(text).append(quote);
    } else {
      line.append(text);
    }
  }

  private boolean startsComment(String value) {
    return !value.isEmpty() && value.charAt(0) == options.commentInWrite && !quote.isEmpty();
  }

  /** A trimmed value, quoted when it must be or when {@code comment} says it would read as a comment line. */
  private void appendField(String trimmed, boolean comment) {
    String s = trimmed;
    if (!options.lineSeparatorInWrite.equals("\n") && s.indexOf('\n') >= 0) {
      s = s.replace("\n", options.lineSeparatorInWrite);
    }
    if (!options.quoteAll && !comment && !needsQuotes(s)) {
      line.append(s);
      return;
    }
    char q = options.quote;
    char e = options.escape;
    line.append(quote);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (q != '\0' && c == q) {
        line.append(e == '\0' ? q : e).append(c);
      } else if (c == e && e != q && options.escapeEscape != '\0') {
        line.append(options.escapeEscape).append(c);
      } else {
        line.append(c);
      }
    }
    line.append(quote);
  }

  private boolean needsQuotes(String s) {
    if (s.contains(delimiter) || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
        || (otherLineSep != null && s.contains(otherLineSep))) {
      return !quote.isEmpty();
    }
    return options.escapeQuotes && !quote.isEmpty() && s.indexOf(options.quote) >= 0;
  }

  private String trim(String s) {
    int start = 0;
    int end = s.length();
    if (options.ignoreLeadingWhiteSpaceInWrite) {
      while (start < end && s.charAt(start) <= ' ') {
        start++;
      }
    }
    if (options.ignoreTrailingWhiteSpaceInWrite) {
      while (end > start && s.charAt(end - 1) <= ' ') {
        end--;
      }
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
