package io.kindling.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RetainedPartitionsTest {

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static List<Tuple2<Object, Object>> pairs(int n) {
    List<Tuple2<Object, Object>> pairs = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      Long k = i * 7919 - 1000;
      pairs.add(Tuple2.of(k, i % 3 == 0 ? k : i % 3 == 1 ? "v" + i : null));
    }
    return pairs;
  }

  @Test
  void readToTheEnd_isKept_andTakenOnce() {
    RetainedPartitions store = new RetainedPartitions(64 << 20);
    List<Tuple2<Object, Object>> data = pairs(300_000);
    assertThat(drain(store.retain(4, 1, data.iterator()))).isEqualTo(data);
    assertThat(store.reservedBytes()).isPositive();
    assertThat(store.<Object>take(4, 0)).isNull();
    assertThat(store.<Object>take(5, 1)).isNull();
    assertThat(drain(store.<Object>take(4, 1))).isEqualTo(data);
    assertThat(store.<Object>take(4, 1)).isNull();
    assertThat(store.reservedBytes()).isZero();
  }

  @Test
  void emptyPartition_isKeptEmpty() {
    RetainedPartitions store = new RetainedPartitions(1 << 20);
    assertThat(drain(store.retain(1, 0, List.<Tuple2<Long, Long>>of().iterator()))).isEmpty();
    Iterator<Object> copy = store.take(1, 0);
    assertThat(copy).isNotNull();
    assertThat(copy.hasNext()).isFalse();
  }

  @Test
  void stoppedEarly_isNotKept() {
    RetainedPartitions store = new RetainedPartitions(64 << 20);
    Iterator<Tuple2<Object, Object>> it = store.retain(1, 0, pairs(100).iterator());
    it.next();
    it.next();
    assertThat(store.<Object>take(1, 0)).isNull();
    assertThat(store.reservedBytes()).isZero();
  }

  @Test
  void notPairs_orUnserializable_passThroughUnkept() {
    RetainedPartitions store = new RetainedPartitions(64 << 20);
    List<Object> mixed = List.of(Tuple2.of(1L, 1L), "not a pair");
    assertThat(drain(store.retain(1, 0, mixed.iterator()))).isEqualTo(mixed);
    assertThat(store.<Object>take(1, 0)).isNull();
    List<Tuple2<Long, Object>> unserializable = List.of(Tuple2.of(1L, new Thread(() -> {})), Tuple2.of(2L, 2L));
    assertThat(drain(store.retain(1, 1, unserializable.iterator()))).isEqualTo(unserializable);
    assertThat(store.<Object>take(1, 1)).isNull();
    assertThat(store.reservedBytes()).isZero();
  }

  @Test
  void overCapacity_isNotKept_andOldestCopiesMakeRoom() {
    RetainedPartitions store = new RetainedPartitions((2L << 20) + (8 << 10));
    List<Tuple2<Long, Long>> big = LongStream.range(0, 1_500_000).mapToObj(i -> Tuple2.of(i << 40, i)).toList();
    assertThat(drain(store.retain(1, 0, big.iterator()))).isEqualTo(big);
    assertThat(store.<Object>take(1, 0)).as("larger than the capacity").isNull();
    assertThat(store.reservedBytes()).isZero();
    List<Tuple2<Object, Object>> copy = pairs(150_000);
    drain(store.retain(2, 0, copy.iterator()));
    long first = store.reservedBytes();
    assertThat(first).isBetween(1L << 20, 2L << 20);
    drain(store.retain(2, 1, copy.iterator()));
    assertThat(store.reservedBytes()).as("the second made room by dropping the first").isEqualTo(first);
    assertThat(store.<Object>take(2, 0)).isNull();
    assertThat(drain(store.<Object>take(2, 1))).isEqualTo(copy);
  }
}
