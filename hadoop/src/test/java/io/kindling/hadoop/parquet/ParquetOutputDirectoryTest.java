package io.kindling.hadoop.parquet;

import static io.kindling.hadoop.parquet.ParquetFiles.asLists;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet part files in output directories: Spark's names, partitionBy directories, read back with discovery. */
class ParquetOutputDirectoryTest {
  @TempDir
  Path dir;

  static List<Object[]> sales() {
    List<Object[]> rows = new ArrayList<>();
    String[] regions = {"north", "south", null};
    for (int i = 0; i < 60; i++) {
      rows.add(new Object[] {i, "product-" + (i % 5), i * 1.5, regions[i % 3], LocalDate.of(2024, 1 + i % 2, 1)});
    }
    return rows;
  }

  static final StructType SALES = StructType.fromDDL("id INT, product STRING, amount DOUBLE, region STRING,"
      + " month DATE");

  @Test
  void partitionBy_writesColDirectoriesWithoutThoseColumns_andReadsBack() throws Exception {
    String out = dir.resolve("sales").toString();
    FormatOptions zstd = FormatOptions.of("compression", "zstd");
    ParquetDirectories.write(out, SALES, sales(), List.of("region", "month"), zstd, 3);

    List<String> files;
    try (Stream<Path> walk = Files.walk(Path.of(out))) {
      files = walk.filter(Files::isRegularFile).map(p -> Path.of(out).relativize(p).toString()).sorted().toList();
    }
    assertThat(files).contains("_SUCCESS")
        .anyMatch(f -> f.matches("region=north/month=2024-01-01/part-00000-[0-9a-f-]{36}\\.c000\\.zstd\\.parquet"))
        .anyMatch(f -> f.startsWith("region=__HIVE_DEFAULT_PARTITION__/month=2024-02-01/"));
    String anyFile = Path.of(out, files.stream().filter(f -> f.endsWith(".parquet")).findFirst().orElseThrow())
        .toString();
    assertThat(ParquetFormat.footerSchema(anyFile)).isEqualTo(StructType.fromDDL("id INT, product STRING,"
        + " amount DOUBLE"));

    List<Object[]> read = ParquetDirectories.read(out, zstd);
    read.sort(Comparator.comparingInt(r -> (Integer) r[0]));
    List<List<Object>> expected = new ArrayList<>();
    for (Object[] r : sales()) {
      expected.add(Arrays.asList(r[0], r[1], r[2], r[3], r[4]));
    }
    assertThat(asLists(read)).isEqualTo(expected);
  }

  @Test
  void unpartitioned_snappyByDefault() throws Exception {
    String out = dir.resolve("plain").toString();
    ParquetDirectories.write(out, SALES, sales(), List.of(), FormatOptions.of(), 2);

    try (Stream<Path> list = Files.list(Path.of(out))) {
      assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".snappy.parquet")))
          .hasSize(2);
    }
    assertThat(ParquetDirectories.read(out, FormatOptions.of())).hasSize(60);
  }
}
