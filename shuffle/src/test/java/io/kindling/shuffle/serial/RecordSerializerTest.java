package io.kindling.shuffle.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.Tuple2;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

  record Point(int x, double y, String label) {}

  record Nested(Point point, List<Point> more, Optional<String> note) {}

  /** A plain class without a no-argument constructor. */
  static final class Account {
    private final String id;
    private final long cents;

    Account(String id, long cents) {
      this.id = id;
      this.cents = cents;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.id.equals(id) && a.cents == cents;
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  /** Holds a thread: not plain data. */
  static final class HoldsThread {
    final Thread thread = new Thread(() -> {});
  }

  private static Object roundTrip(Object value) {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    s.write(out, value, "value");
    s.write(out, value, "value");
    Input in = new Input(out.getBuffer(), 0, out.position());
    Object first = s.read(in);
    Object second = s.read(in);
    assertThat(second).isEqualTo(first);
    assertThat(in.end()).isTrue();
    return first;
  }

  @Test
  void roundTrip_primitivesAndStrings() {
    for (Object v : List.of(1, 2L, 3.5, 4.5f, true, 'c', "text", "", (short) 7, (byte) 8,
        new BigDecimal("1.25"), LocalDate.of(2024, 5, 29))) {
      assertThat(roundTrip(v)).isEqualTo(v);
    }
    assertThat(roundTrip(null)).isNull();
  }

  @Test
  void roundTrip_tuplesRecordsAndClassesWithoutNoArgConstructor() {
    Tuple2<String, Tuple2<Integer, Long>> nested = Tuple2.of("a", Tuple2.of(1, null));
    assertThat(roundTrip(nested)).isEqualTo(nested);
    Nested n = new Nested(new Point(1, 2.5, "p"), List.of(new Point(3, 4, null)), Optional.of("x"));
    assertThat(roundTrip(n)).isEqualTo(n);
    assertThat(roundTrip(new Account("acc", 1234))).isEqualTo(new Account("acc", 1234));
  }

  @Test
  void roundTrip_javaUtilCollectionsAndOptional() {
    List<Object> values = new ArrayList<>();
    values.add(new ArrayList<>(List.of(1, 2, 3)));
    values.add(List.of("a", "b"));
    values.add(List.of());
    values.add(Set.of(1));
    values.add(Map.of("k", 1, "j", 2));
    values.add(Arrays.asList("x", null));
    values.add(Collections.singletonList(5));
    values.add(Collections.emptyMap());
    values.add(Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))));
    values.add(new HashMap<>(Map.of(1, "one")));
    values.add(new LinkedHashMap<>(Map.of(2, "two")));
    values.add(new TreeMap<>(Map.of(3, "three")));
    values.add(Optional.empty());
    values.add(Optional.of(List.of(1)));
    values.add(new int[] {1, 2});
    values.add(new String[] {"s"});
    for (Object v : values) {
      Object back = roundTrip(v);
      if (v instanceof int[] ints) {
        assertThat((int[]) back).containsExactly(ints);
      } else if (v instanceof Object[] objects) {
        assertThat((Object[]) back).containsExactly(objects);
      } else {
        assertThat(back).as(v.getClass().getName()).isEqualTo(v);
      }
    }
  }

  @Test
  void sharedAndCyclicGraphs_keepTheirShape() {
    List<Object> shared = new ArrayList<>(List.of("s"));
    List<Object> outer = new ArrayList<>();
    outer.add(shared);
    outer.add(shared);
    outer.add(outer);
    @SuppressWarnings("unchecked")
    List<Object> back = (List<Object>) roundTripOnce(outer);
    assertThat(back.get(0)).isSameAs(back.get(1));
    assertThat(back.get(2)).isSameAs(back);
  }

  private static Object roundTripOnce(Object value) {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    s.write(out, value, "value");
    return s.read(new Input(out.getBuffer(), 0, out.position()));
  }

  @Test
  void unserializableRecord_failsNamingItsClass() {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    assertThatThrownBy(() -> s.writePair(out, "key", new HoldsThread()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("value of class " + HoldsThread.class.getName());
    assertThatThrownBy(() -> s.writePair(out, new ReentrantLockHolder(), 1))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("key of class " + ReentrantLockHolder.class.getName());
  }

  static final class ReentrantLockHolder {
    final ReentrantLock lock = new ReentrantLock();
    final Thread owner = Thread.currentThread();
  }
}
