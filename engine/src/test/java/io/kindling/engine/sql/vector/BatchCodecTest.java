package io.kindling.engine.sql.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

  static ColumnBatch sample() {
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
        DataTypes.FloatType, DataTypes.BooleanType, DataTypes.StringType, DataTypes.DateType,
        DataTypes.TimestampType, DataTypes.createArrayType(DataTypes.IntegerType), DataTypes.ShortType,
        new StructType().add("a", DataTypes.IntegerType));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1, 2L, 3.5, 1.5f, true, "héllo", LocalDate.of(2024, 1, 2),
        LocalDateTime.of(2024, 5, 29, 7, 33, 4, 123_000), Arrays.asList(1, null), (short) 7,
        io.kindling.sql.Row.of(5)});
    rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null, null});
    rows.add(new Object[] {-1, Long.MIN_VALUE, Double.NaN, -0.0f, false, "", LocalDate.of(1, 1, 1),
        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), List.of(), (short) -1, io.kindling.sql.Row.of(6)});
    return Vectors.fromRows(types, rows);
  }

  private static List<String> rows(ColumnBatch b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.numRows(); i++) {
      out.add(Arrays.deepToString(b.row(i)));
    }
    return out;
  }

  @Test
  void encodeDecode_everyVectorKind_sameValues() throws Exception {
    ColumnBatch b = sample();
    ColumnBatch back = BatchCodec.decode(BatchCodec.encode(b));
    assertThat(rows(back)).isEqualTo(rows(b));
    for (int c = 0; c < b.numColumns(); c++) {
      assertThat(back.column(c).type()).isEqualTo(b.column(c).type());
    }
  }

  @Test
  void javaSerialization_usesCodec() throws Exception {
    ColumnBatch b = sample();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(b);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(rows((ColumnBatch) in.readObject())).isEqualTo(rows(b));
    }
  }

  @Test
  void dictionaryStrings_keepDictionaryThroughGatherAndCodec() throws Exception {
    StringVector v = StringVector.dictionary(new String[] {"EU", "US"}, new int[] {0, 1, 1, 0}, new boolean[]
        {false, false, true, false}, 4);
    ColumnBatch b = new ColumnBatch(new ColumnVector[] {v}, 4);
    ColumnBatch gathered = b.gather(new int[] {3, 2, 1, -1}, 4);
    assertThat(((StringVector) gathered.column(0)).isDictionary()).isTrue();
    assertThat(rows(gathered)).containsExactly("[EU]", "[null]", "[US]", "[null]");
    ColumnBatch back = BatchCodec.decode(BatchCodec.encode(b));
    assertThat(((StringVector) back.column(0)).isDictionary()).isTrue();
    assertThat(rows(back)).containsExactly("[EU]", "[US]", "[null]", "[EU]");
  }

  @Test
  void concatAndSlice_preserveRowsAndNulls() {
    ColumnBatch b = sample();
    ColumnBatch twice = Vectors.concat(typesOf(b), List.of(b, b.slice(1, 3)));
    assertThat(twice.numRows()).isEqualTo(5);
    assertThat(rows(twice).subList(3, 5)).isEqualTo(rows(b).subList(1, 3));
  }

  @Test
  void stringBuilder_switchesToPlainAfterManyDistinctValues() {
    VectorBuilder builder = VectorBuilder.forType(DataTypes.StringType, 4);
    for (int i = 0; i < 1000; i++) {
      builder.append(i % 2 == 0 ? null : "s" + i);
    }
    StringVector v = (StringVector) builder.build();
    assertThat(v.isDictionary()).isFalse();
    assertThat(v.getString(999)).isEqualTo("s999");
    assertThat(v.isNull(998)).isTrue();
  }

  private static List<DataType> typesOf(ColumnBatch b) {
    List<DataType> t = new ArrayList<>();
    for (int c = 0; c < b.numColumns(); c++) {
      t.add(b.column(c).type());
    }
    return t;
  }

  @Test
  void encode_readBackAsAStream_sameAsDecodingTheBytes() throws Exception {
    // Spills write with write(batch, DataOutputStream) and read one batch after another with read(DataInputStream).
    ColumnBatch b = sample();
    ColumnBatch dict = new ColumnBatch(new ColumnVector[] {StringVector.dictionary(new String[] {"EU", "US"},
        new int[] {0, 1, 1}, new boolean[] {false, true, false}, 3)}, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    BatchCodec.write(b, out);
    BatchCodec.write(dict, out);
    out.flush();
    java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(rows(BatchCodec.read(in))).isEqualTo(rows(b)).isEqualTo(rows(BatchCodec.decode(BatchCodec.encode(b))));
    ColumnBatch dictBack = BatchCodec.read(in);
    assertThat(rows(dictBack)).containsExactly("[EU]", "[null]", "[US]");
    assertThat(((StringVector) dictBack.column(0)).isDictionary()).isTrue();
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void concat_differentSmallDictionaries_oneMergedDictionaryWithNulls() {
    StringVector a = StringVector.dictionary(new String[] {"EU", "US"}, new int[] {1, 0, 0}, new boolean[] {false,
        false, true}, 3);
    StringVector b = StringVector.dictionary(new String[] {"APAC", "EU"}, new int[] {0, 1}, null, 2);
    StringVector merged = (StringVector) Vectors.concat(DataTypes.StringType, List.of(a, b));
    assertThat(merged.isDictionary()).isTrue();
    assertThat(merged.dictionary()).containsExactly("EU", "US", "APAC");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < merged.size(); i++) {
      values.add(merged.getString(i));
    }
    assertThat(values).containsExactly("US", "EU", null, "APAC", "EU");
    StringVector plain = StringVector.of(new String[] {"x", null}, 2);
    StringVector mixed = (StringVector) Vectors.concat(DataTypes.StringType, List.of(a, plain));
    assertThat(mixed.isDictionary()).isFalse();
    assertThat(mixed.getString(3)).isEqualTo("x");
    assertThat(mixed.isNull(4)).isTrue();
  }
}
