package io.kindling.persistence.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.Tuple2;
import io.kindling.engine.storage.BlockCodec.EncodedBlock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KryoBlockCodecTest {
  private final KryoBlockCodec codec = new KryoBlockCodec();

  private List<Object> roundTrip(List<?> values, int chunkBytes) {
    EncodedBlock block = codec.encode(values.iterator(), chunkBytes);
    assertThat(block.count()).isEqualTo(values.size());
    assertThat(block.chunks()).allMatch(codec::verify);
    List<Object> back = new ArrayList<>();
    codec.decode(block.chunks()).forEachRemaining(back::add);
    return back;
  }

  record Point(double label, double[] features) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.label == label && Arrays.equals(p.features, features);
    }

    @Override
    public int hashCode() {
      return Objects.hash(label, Arrays.hashCode(features));
    }
  }

  /** No no-argument constructor, final fields. */
  static final class Account implements Serializable {
    private final String owner;
    private final long cents;

    Account(String owner, long cents) {
      this.owner = owner;
      this.cents = cents;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.owner.equals(owner) && a.cents == cents;
    }

    @Override
    public int hashCode() {
      return Objects.hash(owner, cents);
    }
  }

  @Test
  void roundTrip_commonShapes_equal() {
    Map<String, Integer> map = new HashMap<>();
    map.put("a", 1);
    List<Object> values = Arrays.asList("text", 42, 3.5, null, Tuple2.of("k", List.of(1, 2, 3)),
        new Point(1, new double[] {0.5, -2}), new Account("ann", 1999), map, List.of(), Optional.of("x"),
        new int[] {1, 2, 3}.length, Map.of("z", 26));

    assertThat(roundTrip(values, 1024)).isEqualTo(values);
  }

  @Test
  void encode_manyElements_cutIntoSelfContainedChunks() {
    List<String> values = IntStream.range(0, 10_000).mapToObj(i -> "value-" + i).collect(Collectors.toList());

    EncodedBlock block = codec.encode(values.iterator(), 4096);

    assertThat(block.chunks().size()).isGreaterThan(10);
    assertThat(block.chunks()).allMatch(c -> c.length < 4096 + 64);
    assertThat(block.bytes()).isEqualTo(block.chunks().stream().mapToLong(c -> c.length).sum());
    List<Object> lastChunkOnly = new ArrayList<>();
    codec.decode(List.of(block.chunks().get(block.chunks().size() - 1))).forEachRemaining(lastChunkOnly::add);
    assertThat(lastChunkOnly).isNotEmpty().endsWith("value-9999");
    assertThat(roundTrip(values, 4096)).isEqualTo(values);
  }

  @Test
  void encode_sharedAndCyclicObjects_keepTheirShape() {
    List<Object> cycle = new ArrayList<>();
    cycle.add("head");
    cycle.add(cycle);
    double[] shared = {1, 2};
    List<Object> values = List.of(cycle, Tuple2.of(shared, shared));

    List<Object> back = roundTrip(values, 1024);

    List<?> cycleBack = (List<?>) back.get(0);
    assertThat(cycleBack.get(1)).isSameAs(cycleBack);
    Tuple2<?, ?> pair = (Tuple2<?, ?>) back.get(1);
    assertThat(pair._1()).isSameAs(pair._2());
  }

  @Test
  void encode_serializableLambda_roundTrips() {
    Function<Integer, Integer> inc = (Function<Integer, Integer> & Serializable) x -> x + 1;

    @SuppressWarnings("unchecked")
    Function<Integer, Integer> back = (Function<Integer, Integer>) roundTrip(List.of(inc), 1024).get(0);

    assertThat(back.apply(1)).isEqualTo(2);
  }

  @Test
  void encode_emptyPartition_oneEmptyChunk() {
    EncodedBlock block = codec.encode(List.of().iterator(), 1024);

    assertThat(block.count()).isZero();
    assertThat(block.chunks()).hasSize(1);
    assertThat(codec.decode(block.chunks()).hasNext()).isFalse();
  }

  @Test
  void verify_anyFlippedByte_fails() {
    EncodedBlock block = codec.encode(List.of("alpha", "beta", 7).iterator(), 1024);
    byte[] chunk = block.chunks().get(0);
    for (int i = 0; i < chunk.length; i++) {
      byte[] damaged = chunk.clone();
      damaged[i] ^= 0x01;
      assertThat(codec.verify(damaged)).as("byte %d flipped", i).isFalse();
    }
    assertThat(codec.verify(chunk)).isTrue();
    assertThat(codec.verify(new byte[3])).isFalse();
  }

  @Test
  void encode_neitherKryoNorJavaSerializable_failsNamingTheClass() {
    Iterator<Object> values = List.<Object>of(new Object() {
      private final Thread thread = Thread.currentThread();
    }).iterator();

    assertThatThrownBy(() -> codec.encode(values, 1024))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("KryoBlockCodecTest")
        .hasMessageContaining("MEMORY_ONLY");
  }
}
