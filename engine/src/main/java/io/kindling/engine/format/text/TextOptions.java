package io.kindling.engine.format.text;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.output.Compression;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Spark's text options: {@code wholetext} (read: one row per file), {@code lineSep} (read: any separator, default
 * {@code \n}, {@code \r\n} or {@code \r}; write: default {@code \n}), {@code compression}/{@code codec} (write).
 * Text is UTF-8, as in Spark.
 */
public final class TextOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  final boolean wholeText;
  final byte[] lineSeparatorInRead;
  final byte[] lineSeparatorInWrite;
  final Compression compression;

  private TextOptions(FormatOptions o) {
    this.wholeText = o.getBoolean("wholetext", false);
    String lineSep = o.get("lineSep").orElse(null);
    if (lineSep != null && lineSep.isEmpty()) {
      throw new KindlingException("'lineSep' cannot be an empty string");
    }
    this.lineSeparatorInRead = lineSep == null ? null : lineSep.getBytes(StandardCharsets.UTF_8);
    this.lineSeparatorInWrite = (lineSep == null ? "\n" : lineSep).getBytes(StandardCharsets.UTF_8);
    this.compression = Compression.fromOptions(o);
  }

  public static TextOptions from(FormatOptions options) {
    return new TextOptions(options);
  }

  /** With {@code wholetext} a file must be read as one split. */
  public boolean wholeText() {
    return wholeText;
  }

  public Compression compression() {
    return compression;
  }
}
