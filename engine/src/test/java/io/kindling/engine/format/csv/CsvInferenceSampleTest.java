package io.kindling.engine.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.format.InferredType;
import io.kindling.engine.source.FileSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvInferenceSampleTest {
  @Test
  void splits_smallInputOrSamplingOff_readsEverything() {
    List<CsvInferenceSample.Input> files = List.of(new CsvInferenceSample.Input("/d/a.csv", 8_000));
    assertThat(CsvInferenceSample.splits(files, 4_000)).isNull();
    assertThat(CsvInferenceSample.splits(files, 0)).isNull();
    assertThat(CsvInferenceSample.splits(List.of(new CsvInferenceSample.Input("/d/a.csv.gz", 1 << 30)), 4_000))
        .isNull();
  }

  @Test
  void splits_largeInput_sixteenRangesSpreadOverEveryFileFromTheStart() {
    List<CsvInferenceSample.Input> files = List.of(new CsvInferenceSample.Input("/d/a.csv", 1_000_000),
        new CsvInferenceSample.Input("/d/b.csv", 600_000));
    List<FileSplit> splits = CsvInferenceSample.splits(files, 16_000);
    assertThat(splits).hasSize(16);
    assertThat(splits.get(0)).isEqualTo(new FileSplit("/d/a.csv", 0, 1_000, false));
    assertThat(splits).allSatisfy(s -> assertThat(s.length()).isEqualTo(1_000));
    assertThat(splits).anySatisfy(s -> assertThat(s.path()).isEqualTo("/d/b.csv"));
    assertThat(splits.get(10)).isEqualTo(new FileSplit("/d/b.csv", 0, 1_000, false));
    assertThat(splits.stream().mapToLong(FileSplit::end).max().getAsLong()).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void usable_columnWithNoValueOrADate_isNot() {
    assertThat(CsvInferenceSample.usable(new InferredType[] {InferredType.INT, InferredType.STRING,
        InferredType.TIMESTAMP, InferredType.DOUBLE})).isTrue();
    assertThat(CsvInferenceSample.usable(new InferredType[] {InferredType.INT, InferredType.NULL})).isFalse();
    assertThat(CsvInferenceSample.usable(new InferredType[] {InferredType.DATE})).isFalse();
    assertThat(CsvInferenceSample.usable(null)).isFalse();
  }
}
