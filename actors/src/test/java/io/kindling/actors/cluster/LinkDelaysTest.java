package io.kindling.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Delayed links deliver late and in order; restoring a link keeps the order of what still waits. */
class LinkDelaysTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final String PEER = "akka://kindling@10.1.2.3:2552";

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  @Test
  void undelayedLink_deliversAtOnce() {
    TestProbe<Integer> probe = KIT.createTestProbe();
    LinkDelays.get(KIT.system()).deliver("akka://kindling@10.9.9.9:1", probe.ref(), 7);
    assertThat(probe.receiveMessage(Duration.ofSeconds(10))).isEqualTo(7);
  }

  @Test
  void delayedLink_holdsMessagesBack_thenDeliversThemInOrder_evenWhenRestoredMeanwhile() {
    LinkDelays links = LinkDelays.get(KIT.system());
    TestProbe<Integer> probe = KIT.createTestProbe();
    links.set(PEER, Duration.ofSeconds(3));
    assertThat(links.delayTo(PEER)).isEqualTo(Duration.ofSeconds(3));
    IntStream.range(0, 50).forEach(i -> links.deliver(PEER, probe.ref(), i));

    probe.expectNoMessage(Duration.ofMillis(300));
    links.set(PEER, Duration.ZERO);
    IntStream.range(50, 100).forEach(i -> links.deliver(PEER, probe.ref(), i));

    List<Integer> got = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      got.add(probe.receiveMessage(Duration.ofSeconds(30)));
    }
    assertThat(got).isEqualTo(IntStream.range(0, 100).boxed().toList());
    assertThat(links.delayTo(PEER)).isEqualTo(Duration.ZERO);
  }
}
