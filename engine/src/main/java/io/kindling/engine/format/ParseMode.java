package io.kindling.engine.format;

import java.util.Locale;

/** What a reader does with a record it cannot parse (Spark's {@code mode} option). */
public enum ParseMode {
  /** Nulls for the fields that fail, the raw record in the corrupt-record column when the schema has one. */
  PERMISSIVE,
  /** Skips the record. */
  DROPMALFORMED,
  /** Fails the read with the record in the message. */
  FAILFAST;

  /** The mode named by the option; an unknown name means PERMISSIVE, as in Spark. */
  public static ParseMode fromOption(String value) {
    if (value == null) {
      return PERMISSIVE;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "DROPMALFORMED" -> DROPMALFORMED;
      case "FAILFAST" -> FAILFAST;
      default -> PERMISSIVE;
    };
  }
}
