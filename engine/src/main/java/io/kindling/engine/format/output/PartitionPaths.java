package io.kindling.engine.format.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Hive-style partition directories as Spark writes them: {@code col=value}, the value as Spark casts it to a
 * string, with the characters Spark escapes written as {@code %XX} (control characters, {@code " # % ' * / : = ?
 * \ ^ [ ] {} and DEL); null and the empty string are {@code __HIVE_DEFAULT_PARTITION__}.
 */
public final class PartitionPaths {
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final boolean[] ESCAPED = new boolean[128];

  static {
    for (char c = 1; c < ' '; c++) {
      ESCAPED[c] = true;
    }
    for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
      ESCAPED[c] = true;
    }
  }

  private PartitionPaths() {}

  /** Spark's {@code escapePathName}. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && ESCAPED[c]) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append('%').append(String.format("%02X", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Spark's {@code unescapePathName}: {@code %XX} (hex) back to the character; anything else as it is. */
  public static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          sb.append((char) (hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** A partition value as Spark casts it to a string for the directory name (before escaping); null stays null. */
  public static String valueString(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      String s = TIMESTAMP.format(t);
      int micros = t.getNano() / 1000;
      if (micros != 0) {
        String f = String.format("%06d", micros).replaceAll("0+$", "");
        s = s + "." + f;
      }
      return s;
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    return String.valueOf(v);
  }

  /** One directory name: {@code col=escaped value}, or the default partition name for null or "". */
  public static String segment(String column, Object value) {
    String s = valueString(value);
    return escape(column) + "=" + (s == null || s.isEmpty() ? DEFAULT_PARTITION_NAME : escape(s));
  }

  /** The relative directory of a row's partition values: {@code a=1/b=x}. */
  public static String directory(List<String> columns, Object[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(segment(columns.get(i), values[i]));
    }
    return sb.toString();
  }
}
