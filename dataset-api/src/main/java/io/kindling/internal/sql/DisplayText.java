package io.kindling.internal.sql;

/** Text as Spark prints it in tables and schema trees. */
public final class DisplayText {
  private DisplayText() {}

  /** Line breaks, tabs and other control characters written as escapes, so that the text stays on one line. */
  public static String escapeMeta(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 && s.indexOf('\f') < 0
        && s.indexOf('\b') < 0 && s.indexOf('\u000B') < 0 && s.indexOf('\u0007') < 0) {
      return s;
    }
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\f", "\\f")
        .replace("\b", "\\b").replace("\u000B", "\\v").replace("\u0007", "\\a");
  }
}
