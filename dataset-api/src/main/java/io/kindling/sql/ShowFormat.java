package io.kindling.sql;

import io.kindling.internal.sql.DisplayText;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Values;
import java.util.ArrayList;
import java.util.List;

/** The table {@code show()} prints, character for character as Spark 3.5 prints it. */
final class ShowFormat {
  private static final int MIN_COLUMN_WIDTH = 3;

  private ShowFormat() {}

  /** {@code rows} holds up to {@code numRows + 1} rows; the extra one only says there are more. */
  static String format(List<AttributeRef> columns, List<Row> rows, int numRows, int truncate) {
    boolean hasMore = rows.size() > numRows;
    List<Row> shown = rows.subList(0, Math.min(rows.size(), numRows));
    int n = columns.size();
    List<String[]> cells = new ArrayList<>(shown.size() + 1);
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = DisplayText.escapeMeta(columns.get(i).name());
    }
    cells.add(header);
    for (Row r : shown) {
      String[] line = new String[n];
      for (int i = 0; i < n; i++) {
        String s = DisplayText.escapeMeta(Values.toDisplayString(r.get(i), columns.get(i).dataType()));
        if (truncate > 0 && s.length() > truncate) {
          s = truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
        }
        line[i] = s;
      }
      cells.add(line);
    }
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = MIN_COLUMN_WIDTH;
    }
    for (String[] line : cells) {
      for (int i = 0; i < n; i++) {
        widths[i] = Math.max(widths[i], halfWidth(line[i]));
      }
    }
    StringBuilder sb = new StringBuilder();
    // Spark's separator and lines also close a table without columns: "++" and "||".
    StringBuilder sep = new StringBuilder("+");
    for (int w : widths) {
      sep.append("-".repeat(w)).append('+');
    }
    if (n == 0) {
      sep.append('+');
    }
    sep.append('\n');
    sb.append(sep);
    appendLine(sb, cells.get(0), widths, truncate > 0);
    sb.append(sep);
    for (int r = 1; r < cells.size(); r++) {
      appendLine(sb, cells.get(r), widths, truncate > 0);
    }
    sb.append(sep);
    if (hasMore) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows").append('\n');
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, String[] line, int[] widths, boolean rightAlign) {
    sb.append(line.length == 0 ? "||" : "|");
    for (int i = 0; i < line.length; i++) {
      String cell = line[i];
      String pad = " ".repeat(widths[i] - halfWidth(cell));
      if (rightAlign) {
        sb.append(pad).append(cell);
      } else {
        sb.append(cell).append(pad);
      }
      sb.append('|');
    }
    sb.append('\n');
  }

  /**
   * The display width as Spark counts it: one per UTF-16 char (so a character outside the BMP, such as an
   * emoji, counts two), plus one more per East Asian full-width character.
   */
  static int halfWidth(String s) {
    int width = s.length();
    for (int i = 0; i < s.length(); i++) {
      if (isFullWidth(s.charAt(i))) {
        width++;
      }
    }
    return width;
  }

  private static boolean isFullWidth(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
  }
}
