package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import java.util.Locale;

/** What a write does when its target path exists (Spark's {@code DataFrameWriter.mode}). */
public enum SaveMode {
  /** Replace the old contents: the new output is written aside, then swapped in, then the old is deleted. */
  OVERWRITE,
  /** Add the new part files beside the old ones. */
  APPEND,
  /** Fail (the default). */
  ERROR_IF_EXISTS,
  /** Write nothing. */
  IGNORE;

  /** Spark's names: overwrite, append, ignore, error, errorifexists, default (any case). */
  public static SaveMode fromString(String mode) {
    return switch (mode.trim().toLowerCase(Locale.ROOT)) {
      case "overwrite" -> OVERWRITE;
      case "append" -> APPEND;
      case "ignore" -> IGNORE;
      case "error", "errorifexists", "default" -> ERROR_IF_EXISTS;
      default -> throw new KindlingException("Unknown save mode: " + mode + ". Accepted save modes are "
          + "'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.");
    };
  }
}
