package io.kindling.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark 3.5.3's answers, recorded by running Spark on the same inputs (session time zone UTC), and the way both
 * sides render a value: {@code i:1}, {@code l:1}, {@code d:1.5}, {@code s:text}, {@code date:2024-05-29},
 * {@code ts:2024-05-29T07:33:04}, lists as {@code [..]}, structs as {@code {..}}, null as null.
 */
public final class Golden {
  private Golden() {}

  public static List<JsonNode> cases(String resource) {
    try (InputStream in = Golden.class.getResourceAsStream("/format/" + resource)) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, String> options(JsonNode c) {
    Map<String, String> m = new LinkedHashMap<>();
    c.path("options").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  public static List<List<String>> expectedRows(JsonNode c) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : c.path("expectRows")) {
      List<String> row = new ArrayList<>();
      r.forEach(v -> row.add(v.isNull() ? null : kindlingView(v.asText())));
      rows.add(row);
    }
    return rows;
  }

  /** Kindling has no DecimalType yet: an inferred decimal is a double. */
  public static String kindlingView(String rendered) {
    if (rendered.startsWith("dec:")) {
      return "d:" + Double.parseDouble(rendered.substring(4));
    }
    return rendered;
  }

  public static String kindlingSchema(String sparkSimpleString) {
    return sparkSimpleString.replaceAll("decimal\\(\\d+,\\d+\\)", "double");
  }

  public static List<List<String>> render(List<Object[]> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Object[] r : rows) {
      List<String> row = new ArrayList<>();
      for (Object v : r) {
        row.add(v == null ? null : render(v));
      }
      out.add(row);
    }
    return out;
  }

  public static String render(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "s:" + s;
    }
    if (v instanceof Integer) {
      return "i:" + v;
    }
    if (v instanceof Long) {
      return "l:" + v;
    }
    if (v instanceof Double) {
      return "d:" + v;
    }
    if (v instanceof Float) {
      return "f:" + v;
    }
    if (v instanceof Short) {
      return "sh:" + v;
    }
    if (v instanceof Byte) {
      return "by:" + v;
    }
    if (v instanceof Boolean) {
      return "b:" + v;
    }
    if (v instanceof LocalDate) {
      return "date:" + v;
    }
    if (v instanceof LocalDateTime) {
      return "ts:" + v;
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(render(x)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Object[] a) {
      List<String> parts = new ArrayList<>();
      for (Object x : a) {
        parts.add(render(x));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return "?" + v.getClass().getName() + ":" + v;
  }
}
