package io.kindling.engine.format;

import io.kindling.KindlingException;

/** A record that could not be parsed in FAILFAST mode; the message names the record, the file and the place. */
public final class MalformedRecordException extends KindlingException {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Spark's FAILFAST message, followed by where the record is and what was wrong with it. */
  public static MalformedRecordException failFast(String record, String file, String where, String reason,
      Throwable cause) {
    return new MalformedRecordException("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are "
        + "detected in record parsing: " + record + ". Parse Mode: FAILFAST. To process malformed records as "
        + "null result, try setting the option 'mode' as 'PERMISSIVE'. (" + file + ", " + where + ": " + reason
        + ")", cause);
  }
}
