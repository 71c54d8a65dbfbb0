package io.kindling.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses DDL column lists and type names ({@code a INT, b ARRAY<STRING> NOT NULL COMMENT 'x'}). */
final class DdlParser {
  private final String text;
  private int pos;

  private DdlParser(String text) {
    this.text = text;
  }

  static StructType parseSchema(String ddl) {
    if (ddl == null || ddl.isBlank()) {
      throw new IllegalArgumentException("Empty DDL schema: '" + ddl + "'");
    }
    DdlParser p = new DdlParser(ddl);
    List<StructField> fields = new ArrayList<>();
    do {
      fields.add(p.field(false));
    } while (p.accept(','));
    p.expectEnd();
    return new StructType(fields);
  }

  static DataType parseType(String type) {
    DdlParser p = new DdlParser(type);
    DataType t = p.type();
    p.expectEnd();
    return t;
  }

  private StructField field(boolean inStruct) {
    String name = identifier();
    skipSpaces();
    if (inStruct) {
      accept(':');
    }
    DataType type = type();
    boolean nullable = true;
    while (true) {
      skipSpaces();
      if (keyword("NOT")) {
        if (!keyword("NULL")) {
          throw error("expected NULL after NOT");
        }
        nullable = false;
      } else if (keyword("COMMENT")) {
        stringLiteral();
      } else {
        break;
      }
    }
    return new StructField(name, type, nullable);
  }

  private DataType type() {
    skipSpaces();
    int start = pos;
    String word = word();
    if (word.isEmpty()) {
      throw error("expected a type");
    }
    switch (word.toUpperCase(Locale.ROOT)) {
      case "STRING":
        return DataTypes.StringType;
      case "VARCHAR":
      case "CHAR":
        skipLength();
        return DataTypes.StringType;
      case "INT":
      case "INTEGER":
        return DataTypes.IntegerType;
      case "BIGINT":
      case "LONG":
        return DataTypes.LongType;
      case "SMALLINT":
      case "SHORT":
        return DataTypes.ShortType;
      case "TINYINT":
      case "BYTE":
        return DataTypes.ByteType;
      case "DOUBLE":
        return DataTypes.DoubleType;
      case "FLOAT":
      case "REAL":
        return DataTypes.FloatType;
      case "BOOLEAN":
        return DataTypes.BooleanType;
      case "DATE":
        return DataTypes.DateType;
      case "TIMESTAMP":
        return DataTypes.TimestampType;
      case "BINARY":
        return DataTypes.BinaryType;
      case "ARRAY": {
        expect('<');
        DataType element = type();
        expect('>');
        return DataTypes.createArrayType(element);
      }
      case "STRUCT": {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        skipSpaces();
        if (!peek('>')) {
          do {
            fields.add(field(true));
          } while (accept(','));
        }
        expect('>');
        return new StructType(fields);
      }
      default:
        pos = start;
        throw error("unsupported data type '" + word + "' (supported: " + StructType.supportedTypeNames() + ")");
    }
  }

  private void skipLength() {
    skipSpaces();
    if (accept('(')) {
      while (pos < text.length() && text.charAt(pos) != ')') {
        pos++;
      }
      expect(')');
    }
  }

  private String identifier() {
    skipSpaces();
    if (accept('`')) {
      StringBuilder sb = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '`') {
          if (pos < text.length() && text.charAt(pos) == '`') {
            sb.append('`');
            pos++;
          } else {
            return sb.toString();
          }
        } else {
          sb.append(c);
        }
      }
      throw error("unterminated `quoted` name");
    }
    String w = word();
    if (w.isEmpty()) {
      throw error("expected a column name");
    }
    return w;
  }

  private String word() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String kw) {
    skipSpaces();
    int save = pos;
    String w = word();
    if (w.equalsIgnoreCase(kw)) {
      return true;
    }
    pos = save;
    return false;
  }

  private void stringLiteral() {
    skipSpaces();
    char quote = pos < text.length() ? text.charAt(pos) : 0;
    if (quote != '\'' && quote != '"') {
      throw error("expected a quoted comment");
    }
    pos++;
    while (pos < text.length() && text.charAt(pos) != quote) {
      if (text.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    expect(quote);
  }

  private boolean peek(char c) {
    skipSpaces();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean accept(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void expectEnd() {
    skipSpaces();
    if (pos != text.length()) {
      throw error("unexpected input");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Cannot parse DDL '" + text + "' at position " + pos + ": " + what);
  }
}
