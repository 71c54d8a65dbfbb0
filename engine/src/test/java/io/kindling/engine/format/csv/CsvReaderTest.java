package io.kindling.engine.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.Golden;
import io.kindling.engine.format.MalformedRecordException;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir
  Path dir;

  private static final StructType SALES = StructType.fromDDL(
      "order_id BIGINT, product_id INT, quantity INT, price DOUBLE, region STRING, ts TIMESTAMP");

  private Path salesFile(int rows, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("order_id,product_id,quantity,price,region,ts\n");
    for (int i = 0; i < rows; i++) {
      sb.append(10_000_000_001L + i).append(',').append(r.nextInt(1, 10_000)).append(',')
          .append(r.nextInt(1, 21)).append(',').append(r.nextInt(50, 50_000) / 100.0).append(',')
          .append(i % 3 == 0 ? "\"Home, Office\"" : "Europe").append(",2024-05-")
          .append(String.format("%02d", 1 + i % 28)).append("T07:33:04\n");
    }
    return file("sales.csv", sb.toString());
  }

  /** A file of the test's directory holding {@code text}. */
  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  /** Options for files with a header line, read in {@code mode}. */
  private static CsvOptions withHeader(String mode) {
    return CsvOptions.from(FormatOptions.of("header", "true", "mode", mode));
  }

  private static List<Object[]> readAll(Path f, CsvOptions o, StructType data, StructType required, int parts)
      throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (FileSplit s : FileSplitter.split(List.of(f), parts, Long.MAX_VALUE)) {
      RowCollector c = new RowCollector(required.size());
      new CsvReader(o, data, required).read(s, c);
      rows.addAll(c.rows());
    }
    return rows;
  }

  @Test
  void read_manySplits_sameRowsAsOneSplitAndHeaderOnlyOnce() throws IOException {
    Path f = salesFile(3000, 7);
    CsvOptions o = CsvOptions.from(FormatOptions.of("header", "true"));
    List<Object[]> one = readAll(f, o, SALES, SALES, 1);
    assertThat(one).hasSize(3000);
    for (int parts : new int[] {2, 3, 7, 50}) {
      assertThat(Golden.render(readAll(f, o, SALES, SALES, parts))).as("%s splits", parts)
          .isEqualTo(Golden.render(one));
    }
    assertThat(Golden.render(one.get(0))).startsWith("{l:10000000001, i:");
    assertThat(one.get(0)[4]).isEqualTo("Home, Office");
  }

  @Test
  void read_requiredColumnsOnly_convertsThoseInTheirOrder() throws IOException {
    Path f = salesFile(10, 3);
    CsvOptions o = CsvOptions.from(FormatOptions.of("header", "true"));
    StructType required = StructType.fromDDL("price DOUBLE, product_id INT");
    List<Object[]> all = readAll(f, o, SALES, SALES, 1);
    List<Object[]> some = readAll(f, o, SALES, required, 1);
    for (int i = 0; i < all.size(); i++) {
      assertThat(some.get(i)).containsExactly(all.get(i)[3], all.get(i)[1]);
    }
  }

  @Test
  void read_failFast_messageNamesRecordFileAndLine() throws IOException {
    Path f = file("bad.csv", "a,b\n1,x\nzz,y\n");
    CsvOptions o = withHeader("failfast");
    StructType s = StructType.fromDDL("a INT, b STRING");
    assertThatThrownBy(() -> readAll(f, o, s, s, 1))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("Malformed records are detected in record parsing: zz,y. Parse Mode: FAILFAST.")
        .hasMessageContaining("file:" + f)
        .hasMessageContaining("line 3")
        .hasMessageContaining("field 1 (a): cannot parse 'zz' as int");
  }

  @Test
  void read_dropMalformed_discardsRowsThroughTheConsumer() throws IOException {
    Path f = file("bad.csv", "1,x\nzz,y\n3\n4,w\n");
    CsvOptions o = CsvOptions.from(FormatOptions.of("mode", "DROPMALFORMED"));
    StructType s = StructType.fromDDL("a INT, b STRING");
    List<String> events = new ArrayList<>();
    RowConsumer spy = new RowConsumer() {
      @Override
      public void setNull(int column) {
        events.add("null" + column);
      }

      @Override
      public void setObject(int column, Object value) {
        events.add(column + "=" + value);
      }

      @Override
      public void setInt(int column, int value) {
        events.add(column + ":int" + value);
      }

      @Override
      public void endRow() {
        events.add("end");
      }

      @Override
      public void discardRow() {
        events.add("discard");
      }
    };
    long kept = new CsvReader(o, s, s).read(new FileSplit(f.toString(), 0, Files.size(f), false), spy);
    assertThat(kept).isEqualTo(2);
    assertThat(events).containsExactly("0:int1", "1=x", "end", "null0", "1=y", "discard", "0:int3", "null1",
        "discard", "0:int4", "1=w", "end");
  }

  @Test
  void options_multiLineAndUnknownNames_rejectedOrIgnored() {
    assertThatThrownBy(() -> CsvOptions.from(FormatOptions.of("MULTILINE", "true")))
        .isInstanceOf(KindlingException.class).hasMessageContaining("option 'multiLine' = 'true' is not supported");
    assertThat(CsvOptions.from(FormatOptions.of("noSuchOption", "1", "HEADER", "TRUE")).header()).isTrue();
    assertThatThrownBy(() -> CsvOptions.from(FormatOptions.of("header", "yes")))
        .hasMessage("header flag can be true or false, got 'yes'");
    assertThatThrownBy(() -> CsvOptions.from(FormatOptions.of("encoding", "UTF-16")))
        .hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> CsvOptions.from(FormatOptions.of("sep", ""))).hasMessage("Delimiter cannot be empty string");
    assertThat(CsvOptions.from(FormatOptions.of("sep", "\\t")).delimiterString).isEqualTo("\t");
  }

  @Test
  void inference_firstMegabytes_sameSchemaAsWholeFile() throws IOException {
    Path f = salesFile(40_000, 11);
    CsvOptions o = CsvOptions.from(FormatOptions.of("header", "true", "inferSchema", "true"));
    StructType whole = CsvSchemaInference.infer(List.of(f), o, Long.MAX_VALUE);
    StructType sampled = CsvSchemaInference.infer(List.of(f), o, 64 * 1024);
    assertThat(whole.simpleString()).isEqualTo(
        "struct<order_id:bigint,product_id:int,quantity:int,price:double,region:string,ts:timestamp>");
    assertThat(sampled).isEqualTo(whole);
  }

  @Test
  void inference_perSplitMerged_sameAsWhole() throws IOException {
    Path f = file("mixed.csv", "a,b,c\n" + "1,x,2024-05-29\n".repeat(500) + "2.5,7,2024-05-29T01:02:03\n");
    CsvOptions o = CsvOptions.from(FormatOptions.of("header", "true", "inferSchema", "true"));
    CsvSchemaInference inference = new CsvSchemaInference(o);
    CsvSchemaInference.FirstRecord first = inference.firstRecord(List.of(f));
    io.kindling.engine.format.InferredType[] merged = null;
    for (FileSplit s : FileSplitter.split(List.of(f), 4, Long.MAX_VALUE)) {
      var t = inference.inferSplit(s, first, Long.MAX_VALUE);
      merged = merged == null ? t : CsvSchemaInference.merge(merged, t);
    }
    assertThat(inference.schema(first, merged).simpleString()).isEqualTo("struct<a:double,b:string,c:timestamp>");
    assertThat(CsvSchemaInference.infer(List.of(f), o, Long.MAX_VALUE)).isEqualTo(inference.schema(first, merged));
  }

  /** {@link #withHeader} options of a schema inferred from a sample: reads check each value still fits. */
  private static CsvOptions sampled(String mode) {
    return CsvOptions.from(FormatOptions.of("header", "true", "mode", mode, CsvInferenceSample.SAMPLED_OPTION,
        "true"));
  }

  @Test
  void read_sampledSchemaAndAValueThatWidensItsColumn_failsInEveryMode() throws IOException {
    Path f = file("late.csv", "a,b,c\n1,x,1.5\n2,y,2\n12345678901,z,3\n");
    StructType s = StructType.fromDDL("a INT, b STRING, c DOUBLE");
    for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
      assertThatThrownBy(() -> readAll(f, sampled(mode), s, s, 1)).as(mode)
          .isInstanceOf(KindlingException.class)
          .hasMessageContaining("inferred from a sample")
          .hasMessageContaining("column 'a' came out as int")
          .hasMessageContaining("'12345678901'")
          .hasMessageContaining("inferring from every row gives bigint")
          .hasMessageContaining("samplingRatio");
      // A query that does not read the column does not look at it.
      assertThat(readAll(f, sampled(mode), s, StructType.fromDDL("b STRING"), 1)).as(mode).hasSize(3);
    }
    assertThat(readAll(f, sampled("PERMISSIVE"), s, StructType.fromDDL("c DOUBLE, b STRING"), 1)).hasSize(3);
  }

  @Test
  void read_sampledSchemaWithNullsAndShortRows_sameAsTheGeneralPathInEveryMode() throws IOException {
    Path f = file("gaps.csv", "a,b,c\n1,,1.5\n,y,\n3\n4,w,4.5,extra\n");
    StructType s = StructType.fromDDL("a INT, b STRING, c DOUBLE");
    for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED"}) {
      CsvOptions plain = withHeader(mode);
      assertThat(Golden.render(readAll(f, sampled(mode), s, s, 1))).as(mode)
          .isEqualTo(Golden.render(readAll(f, plain, s, s, 1)));
    }
    assertThatThrownBy(() -> readAll(f, sampled("FAILFAST"), s, s, 1))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("expected 3 fields but found 1");
  }

  @Test
  void cursor_advanceAFewRowsAtATime_sameRowsAsReadingWhole() throws IOException {
    Path f = file("mixed.csv", "a,b\n1,x\nzz,y\n\n3\n# not a comment here\n5,\"q,r\"\n6,z\n");
    StructType s = StructType.fromDDL("a INT, b STRING");
    for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED"}) {
      CsvOptions o = withHeader(mode);
      FileSplit whole = new FileSplit(f.toString(), 0, Files.size(f), false);
      RowCollector all = new RowCollector(2);
      long kept = new CsvReader(o, s, s).read(whole, all);
      for (int step : new int[] {1, 2, 3}) {
        RowCollector some = new RowCollector(2);
        List<Long> counts = new ArrayList<>();
        try (CsvReader.Cursor cursor = new CsvReader(o, s, s).open(whole)) {
          while (cursor.advance(some, step)) {
            counts.add(cursor.rows());
          }
          assertThat(cursor.rows()).isEqualTo(kept);
          assertThat(cursor.advance(some, step)).isFalse();
        }
        assertThat(Golden.render(some.rows())).as("%s by %s", mode, step).isEqualTo(Golden.render(all.rows()));
        for (int i = 0; i < counts.size(); i++) {
          assertThat(counts.get(i)).isEqualTo((i + 1L) * step);
        }
      }
    }
  }
}
