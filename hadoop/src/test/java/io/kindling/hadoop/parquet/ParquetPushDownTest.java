package io.kindling.hadoop.parquet;

import static io.kindling.engine.format.ScanFilter.and;
import static io.kindling.engine.format.ScanFilter.eq;
import static io.kindling.engine.format.ScanFilter.ge;
import static io.kindling.engine.format.ScanFilter.gt;
import static io.kindling.engine.format.ScanFilter.in;
import static io.kindling.engine.format.ScanFilter.isNotNull;
import static io.kindling.engine.format.ScanFilter.isNull;
import static io.kindling.engine.format.ScanFilter.le;
import static io.kindling.engine.format.ScanFilter.lt;
import static io.kindling.engine.format.ScanFilter.not;
import static io.kindling.engine.format.ScanFilter.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.format.ScanFilter;
import io.kindling.engine.source.FileSplit;
import io.kindling.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters skip row groups by their statistics: proven by counting the row groups read. The file has 2,000 rows
 * sorted by {@code id}, written with a tiny row group size so that parquet-mr cuts a row group at each of its
 * size checks (every 100 rows): 20 row groups of 100 ids each.
 */
class ParquetPushDownTest {
  private static final StructType SCHEMA = StructType.fromDDL("id INT, big BIGINT, name STRING, day DATE,"
      + " maybe DOUBLE");
  private static final int ROWS = 2000;

  @TempDir
  static Path dir;
  static Path file;
  static int rowGroups;

  @BeforeAll
  static void write() throws Exception {
    file = dir.resolve("sorted.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // maybe: null in the first half only
      rows.add(new Object[] {i, i * 10L, String.format("name-%05d", i), LocalDate.ofEpochDay(i),
          i < ROWS / 2 ? null : (double) i});
    }
    ParquetFiles.write(file, SCHEMA, rows, FormatOptions.of("parquet.block.size", "1"));
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      rowGroups = r.getRowGroups().size();
    }
  }

  private static final class Scan {
    final ParquetSplitReader reader;
    final List<Object[]> rows;

    Scan(List<ScanFilter> filters) throws Exception {
      reader = new ParquetSplitReader(SCHEMA, StructType.fromDDL("id INT"), filters, ParquetOptions.from(
          FormatOptions.of()));
      RowCollector out = new RowCollector(1);
      reader.read(new FileSplit(file.toString(), 0, Files.size(file), false), out);
      rows = out.rows();
    }

    Set<Integer> ids() {
      Set<Integer> s = new HashSet<>();
      rows.forEach(r -> s.add((Integer) r[0]));
      return s;
    }
  }

  @Test
  void file_hasManyRowGroups() {
    assertThat(rowGroups).isEqualTo(20);
  }

  @Test
  void noFilter_readsEveryRowGroup() throws Exception {
    Scan s = new Scan(List.of());
    assertThat(s.reader.rowGroupsRead()).isEqualTo(rowGroups);
    assertThat(s.rows).hasSize(ROWS);
  }

  @Test
  void equality_readsOnlyTheRowGroupHoldingTheValue() throws Exception {
    Scan s = new Scan(List.of(eq("id", 1234)));

    assertThat(s.reader.rowGroupsRead()).isEqualTo(1);
    assertThat(s.reader.rowGroupsSkipped()).isEqualTo(rowGroups - 1);
    assertThat(s.ids()).contains(1234).allMatch(i -> i / 100 == 12);
  }

  @Test
  void ranges_onEachType_skipRowGroupsOutsideThem() throws Exception {
    assertThat(new Scan(List.of(lt("id", 150))).reader.rowGroupsRead()).isEqualTo(2);
    assertThat(new Scan(List.of(le("big", 990L))).reader.rowGroupsRead()).isEqualTo(1);
    assertThat(new Scan(List.of(gt("name", "name-01850"))).reader.rowGroupsRead()).isEqualTo(2);
    assertThat(new Scan(List.of(ge("day", LocalDate.ofEpochDay(1950)))).reader.rowGroupsRead()).isEqualTo(1);
  }

  @Test
  void andOrIn_combineAsSql() throws Exception {
    assertThat(new Scan(List.of(and(ge("id", 500), lt("id", 700)))).reader.rowGroupsRead()).isEqualTo(2);
    assertThat(new Scan(List.of(or(eq("id", 5), eq("id", 1999)))).reader.rowGroupsRead()).isEqualTo(2);
    assertThat(new Scan(List.of(in("id", 5, 105, 1999))).reader.rowGroupsRead()).isEqualTo(3);
    // A long list is tested by its range only.
    assertThat(new Scan(List.of(in("id", 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 510))).reader
        .rowGroupsRead()).isEqualTo(2);
    // Several pushed filters are a conjunction.
    assertThat(new Scan(List.of(ge("id", 300), lt("big", 3100L))).reader.rowGroupsRead()).isEqualTo(1);
  }

  @Test
  void nullTests_useTheNullCounts() throws Exception {
    assertThat(new Scan(List.of(isNull("maybe"))).reader.rowGroupsRead()).isEqualTo(10);
    assertThat(new Scan(List.of(isNotNull("maybe"))).reader.rowGroupsRead()).isEqualTo(10);
  }

  @Test
  void negation_isPushedToTheLeaves() throws Exception {
    assertThat(new Scan(List.of(not(ge("id", 100)))).reader.rowGroupsRead()).isEqualTo(1);
    assertThat(new Scan(List.of(not(or(lt("id", 1900), isNull("maybe"))))).reader.rowGroupsRead()).isEqualTo(1);
  }

  @Test
  void whatCantBeTranslated_neverDropsMatchingRows() throws Exception {
    // A column the file lacks, a constant of another type, and a NOT over them: all read everything needed.
    assertThat(new Scan(List.of(eq("absent", 1))).reader.rowGroupsRead()).isEqualTo(rowGroups);
    assertThat(new Scan(List.of(eq("id", "12"))).reader.rowGroupsRead()).isEqualTo(rowGroups);
    assertThat(new Scan(List.of(and(eq("id", 7), eq("absent", 1)))).reader.rowGroupsRead()).isEqualTo(1);
    assertThat(new Scan(List.of(or(eq("id", 7), eq("absent", 1)))).reader.rowGroupsRead()).isEqualTo(rowGroups);
    Scan negated = new Scan(List.of(not(and(lt("id", 1000), eq("absent", 1)))));
    assertThat(negated.ids()).hasSize(ROWS);
  }

  @Test
  void noRowGroupMatches_readsNothing() throws Exception {
    Scan s = new Scan(List.of(gt("id", 5000)));
    assertThat(s.reader.rowGroupsRead()).isZero();
    assertThat(s.rows).isEmpty();
  }

  @Test
  void splits_takeTheRowGroupsWhoseMidpointTheyHold_eachRowOnce() throws Exception {
    long size = Files.size(file);
    for (int parts : new int[] {2, 3, 7, 40}) {
      ParquetSplitReader reader = new ParquetSplitReader(SCHEMA, StructType.fromDDL("id INT"), List.of(),
          ParquetOptions.from(FormatOptions.of()));
      RowCollector out = new RowCollector(1);
      long step = size / parts + 1;
      for (long start = 0; start < size; start += step) {
        reader.read(new FileSplit(file.toString(), start, Math.min(step, size - start), false), out);
      }
      List<Integer> ids = out.rows().stream().map(r -> (Integer) r[0]).sorted().toList();
      assertThat(ids).as("%d splits", parts).hasSize(ROWS).doesNotHaveDuplicates();
      assertThat(reader.rowGroupsRead()).isEqualTo(rowGroups);
    }
  }
}
