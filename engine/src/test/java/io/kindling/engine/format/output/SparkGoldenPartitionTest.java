package io.kindling.engine.format.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindling.engine.format.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Spark 3.5.3's partition directory names and partition discovery (spark-partition-golden.json). */
class SparkGoldenPartitionTest {
  @TempDir
  Path dir;

  private static final String[] VALUES = {"a/b", "a=b", "a b", "a%b", "", "a:b", "#h", "{x}", "[y]", "a*b", "a?b",
      "a\\b", "a'b", "a\"b", "\u00e9", "a^b", "tab\t", "plain", "a,b", "a;b", "a<b>", "a|b", "a.b", "a+b", "a&b", "~",
      "a\u007fb", "\u0001x"};

  private static JsonNode golden(String name) {
    return Golden.cases("spark-partition-golden.json").stream().filter(c -> c.get("name").asText().equals(name))
        .findFirst().orElseThrow();
  }

  @Test
  void segment_sparkValues_escapedAsSpark() {
    JsonNode c = golden("escape_dirs");
    Map<String, String> expected = new TreeMap<>();
    c.get("dirs").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
    Map<String, String> actual = new TreeMap<>();
    for (int i = 0; i < VALUES.length; i++) {
      actual.merge(PartitionPaths.segment("p", VALUES[i]), i + "\n", String::concat);
    }
    actual.merge(PartitionPaths.segment("p", null), "99\n", String::concat);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void unescape_everyEscapedValue_roundTrips() {
    for (String v : VALUES) {
      assertThat(PartitionPaths.unescape(PartitionPaths.escape(v))).isEqualTo(v);
    }
    assertThat(PartitionPaths.unescape("a%zzb%4")).isEqualTo("a%zzb%4");
  }

  @Test
  void discover_writtenDirectories_readBackAsSpark() throws IOException {
    JsonNode c = golden("escape_dirs");
    for (var it = c.get("dirs").fieldNames(); it.hasNext(); ) {
      Path leaf = dir.resolve(it.next());
      Files.createDirectories(leaf);
      Files.writeString(leaf.resolve("part-0.csv"), "x\n");
    }
    PartitionDiscovery.Partitions p = PartitionDiscovery.discover(dir, ZoneOffset.UTC);
    assertThat(p.schema().simpleString()).isEqualTo("struct<p:string>");
    List<String> values = new ArrayList<>();
    p.values().forEach(v -> values.add(Golden.render(v[0])));
    List<String> expected = new ArrayList<>();
    c.get("readBack").forEach(r -> expected.add(r.get(1).isNull() ? "null" : r.get(1).asText()));
    assertThat(values).containsExactlyInAnyOrderElementsOf(expected.subList(0, expected.size() - 1));
  }

  @Test
  void directory_twoLevels_matchesSparkLayout() {
    assertThat(PartitionPaths.directory(List.of("y", "d"), new Object[] {2024, java.time.LocalDate.of(2024, 5, 29)}))
        .isEqualTo("y=2024/d=2024-05-29");
    assertThat(PartitionPaths.directory(List.of("y", "d"), new Object[] {null, null}))
        .isEqualTo("y=__HIVE_DEFAULT_PARTITION__/d=__HIVE_DEFAULT_PARTITION__");
    assertThat(golden("two_levels").get("files").toString())
        .contains("y=2024/d=2024-05-29/").contains("y=__HIVE_DEFAULT_PARTITION__/d=__HIVE_DEFAULT_PARTITION__/");
  }

  @TestFactory
  Stream<DynamicTest> discoveryCases() {
    return Golden.cases("spark-partition-golden.json").stream()
        .filter(c -> c.get("name").asText().startsWith("discover_"))
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> discover(c, dir)));
  }

  private static void discover(JsonNode c, Path dir) throws IOException {
    Path root = dir.resolve(c.get("name").asText());
    List<String> dirs = new ArrayList<>();
    c.get("dirs").forEach(d -> dirs.add(d.asText()));
    for (int i = 0; i < dirs.size(); i++) {
      Path leaf = root.resolve(dirs.get(i));
      Files.createDirectories(leaf);
      Files.writeString(leaf.resolve("part-" + i + ".csv"), "v\n" + (i + 1) + "\n");
    }
    if (c.has("expectError")) {
      assertThatThrownBy(() -> PartitionDiscovery.discover(root, ZoneOffset.UTC))
          .hasMessageContaining(c.get("expectError").asText().replaceFirst("^.*failed: ", ""));
      return;
    }
    PartitionDiscovery.Partitions p = PartitionDiscovery.discover(root, ZoneOffset.UTC);
    String sparkSchema = Golden.kindlingSchema(c.get("expectSchema").asText())
        .replaceFirst("^struct<v:int,?", "struct<");
    assertThat(p.schema().simpleString()).isEqualTo(sparkSchema);
    // Spark's rows by their "v" (file i holds v = i + 1); the files Spark did not read have none.
    Map<Integer, List<String>> expected = new TreeMap<>();
    for (JsonNode r : c.get("expectRows")) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i < r.size(); i++) {
        row.add(r.get(i).isNull() ? null : Golden.kindlingView(r.get(i).asText()));
      }
      expected.put(Integer.parseInt(r.get(0).asText().substring(2)), row);
    }
    Map<Integer, List<String>> actual = new TreeMap<>();
    for (int i = 0; i < p.files().size(); i++) {
      List<String> row = new ArrayList<>();
      for (Object v : p.values().get(i)) {
        row.add(v == null ? null : Golden.render(v));
      }
      int fileIndex = Integer.parseInt(p.files().get(i).getFileName().toString().replaceAll("\\D", ""));
      actual.put(fileIndex + 1, row);
    }
    assertThat(actual).isEqualTo(expected);
  }
}
