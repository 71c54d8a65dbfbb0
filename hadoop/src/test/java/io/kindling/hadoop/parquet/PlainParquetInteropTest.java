package io.kindling.hadoop.parquet;

import static io.kindling.hadoop.parquet.ParquetFiles.asLists;
import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.FormatOptions;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the plain parquet-hadoop API: files its example writer makes (including the legacy
 * two-level list and bare repeated fields other writers use) read in Kindling, and Kindling's files read back
 * with parquet-hadoop's own reader.
 */
class PlainParquetInteropTest {
  @TempDir
  Path dir;

  @Test
  void fileOfThePlainWriter_readsInKindling() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m {"
        + " required int64 id;"
        + " optional binary name (STRING);"
        + " optional int32 day (DATE);"
        + " optional int32 small (INTEGER(16,true));"
        + " optional int32 unsigned (INTEGER(8,false));"
        + " optional group tags (LIST) { repeated binary array (STRING); }"
        + " repeated int32 scores;"
        + " optional group point { required double x; optional double y; }"
        + "}");
    Path file = dir.resolve("plain.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withConf(new Configuration(false)).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      Group g = groups.newGroup().append("id", 1L).append("name", "one").append("day", 19_000)
          .append("small", 12).append("unsigned", 200);
      g.addGroup("tags").append("array", "a").append("array", "b");
      g.append("scores", 7).append("scores", 8);
      g.addGroup("point").append("x", 1.0).append("y", 2.0);
      w.write(g);
      Group h = groups.newGroup().append("id", 2L);
      h.addGroup("point").append("x", 3.0);
      w.write(h);
    }

    StructType read = ParquetFormat.footerSchema(file.toString());
    assertThat(read.simpleString()).isEqualTo("struct<id:bigint,name:string,day:date,small:smallint,"
        + "unsigned:smallint,tags:array<string>,scores:array<int>,point:struct<x:double,y:double>>");
    // Legacy lists and bare repeated fields have no null elements; a bare repeated field is never null.
    assertThat(read.get(5).dataType()).isEqualTo(new ArrayType(DataTypes.StringType, false));
    assertThat(read.get(6)).isEqualTo(new StructField("scores", new ArrayType(DataTypes.IntegerType, false), false));
    List<Object[]> rows = ParquetFiles.readAll(file, FormatOptions.of());
    assertThat(asLists(rows)).containsExactly(
        Arrays.asList(1L, "one", LocalDate.ofEpochDay(19_000), (short) 12, (short) 200, List.of("a", "b"),
            List.of(7, 8), List.of(1.0, 2.0)),
        Arrays.asList(2L, null, null, null, null, null, List.of(), Arrays.asList(3.0, null)));
  }

  @Test
  void kindlingFile_readsWithTheParquetHadoopReader() throws Exception {
    Path file = dir.resolve("kindling.parquet");
    ParquetFiles.write(file, ParquetRoundTripTest.ALL_TYPES, ParquetRoundTripTest.allTypeRows(),
        FormatOptions.of("timeZone", "UTC"));

    List<Group> read = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        read.add(g);
      }
    }

    assertThat(read).hasSize(4);
    Group first = read.get(0);
    assertThat(first.getString("s", 0)).isEqualTo("héllo");
    assertThat(first.getInteger("i", 0)).isEqualTo(1);
    assertThat(first.getLong("l", 0)).isEqualTo(10_000_000_000L);
    assertThat(first.getInteger("dt", 0)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(first.getGroup("st", 0).getString("y", 0)).isEqualTo("seven");
    Group list = first.getGroup("arr", 0);
    assertThat(list.getFieldRepetitionCount("list")).isEqualTo(3);
    assertThat(list.getGroup("list", 2).getInteger("element", 0)).isEqualTo(3);
    assertThat(list.getGroup("list", 1).getFieldRepetitionCount("element")).isZero();
    assertThat(read.get(1).getFieldRepetitionCount("s")).isZero();
  }
}
