package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions embedded in a host service's own Akka 2.6 ActorSystem ({@code builder().actorSystem(system)}). */
class HostActorSystemTest {
  private static ActorTestKit host;

  @BeforeAll
  static void startHost() {
    host = ActorTestKit.create("host-service");
  }

  @AfterAll
  static void stopHost() {
    host.shutdownTestKit();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The host still answers: an echo actor replies to a probe. */
  private static void assertHostAnswers(ActorSystem<?> system) {
    ActorTestKit kit = ActorTestKit.create(system);
    TestProbe<String> probe = kit.createTestProbe();
    ActorRef<String> echo = kit.spawn(Behaviors.receiveMessage(msg -> {
      probe.ref().tell("echo " + msg);
      return Behaviors.same();
    }));
    echo.tell("ping");
    probe.expectMessage(Duration.ofSeconds(30), "echo ping");
    kit.stop(echo);
  }

  private static void awaitActorsGone(ActorSystem<?> system, String sessionId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (system.printTree().contains("kindling-" + sessionId + "-") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(system.printTree()).doesNotContain("kindling-" + sessionId + "-");
  }

  @Test
  void session_runsInsideTheHostsSystem_withoutStartingItsOwn() {
    ActorSystem<Void> system = host.system();
    try (KindlingSession s = KindlingSession.builder().master("local[2]").actorSystem(system).create()) {
      String id = s.internalContext().sessionId();
      assertThat(s.parallelize(range(0, 100), 4).map(x -> x * 2).reduce(Integer::sum)).isEqualTo(9900);
      assertThat(system.printTree()).contains("kindling-" + id + "-driver", "kindling-" + id + "-node");
      assertThat(liveThreads()).noneMatch(n -> n.startsWith("kindling-" + id + "-akka"));
    }
  }

  @Test
  void close_leavesTheHostRunning_andAnotherSessionCanUseIt() throws Exception {
    ActorSystem<Void> system = host.system();
    KindlingSession first = KindlingSession.builder().master("local[2]").actorSystem(system).create();
    String firstId = first.internalContext().sessionId();
    assertThat(first.parallelize(range(0, 10), 2).count()).isEqualTo(10);
    first.close();
    first.close();
    assertThat(system.getWhenTerminated().toCompletableFuture().isDone()).isFalse();
    awaitActorsGone(system, firstId);
    assertThat(liveThreads()).noneMatch(n -> n.startsWith("kindling-compute-" + firstId + "-"));
    assertHostAnswers(system);
    try (KindlingSession second = KindlingSession.builder().master("local[2]").actorSystem(system).create()) {
      assertThat(second.parallelize(range(0, 10), 2).map(x -> x + 1).collect()).isEqualTo(range(1, 11));
    }
    assertHostAnswers(system);
  }

  @Test
  void twoSessions_inOneHostSystem_atOnce() {
    ActorSystem<Void> system = host.system();
    try (KindlingSession a = KindlingSession.builder().master("local[1]").actorSystem(system).create();
        KindlingSession b = KindlingSession.builder().master("local[1]").actorSystem(system).create()) {
      var fa = a.parallelize(range(0, 50), 2).collectAsync().toCompletableFuture();
      var fb = b.parallelize(range(50, 100), 2).collectAsync().toCompletableFuture();
      assertThat(fa.join()).isEqualTo(range(0, 50));
      assertThat(fb.join()).isEqualTo(range(50, 100));
    }
  }

  @Test
  void classicActorSystem_isAcceptedToo() throws Exception {
    akka.actor.ActorSystem classic = akka.actor.ActorSystem.create("classic-host");
    try {
      try (KindlingSession s = KindlingSession.builder().master("local[2]").actorSystem(classic).create()) {
        assertThat(s.parallelize(range(0, 10), 2).count()).isEqualTo(10);
      }
      assertThat(classic.whenTerminated().isCompleted()).isFalse();
    } finally {
      classic.terminate();
      classic.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void somethingElseAsActorSystem_failsNamingItsClass() {
    assertThatThrownBy(() -> KindlingSession.builder().master("local[1]").actorSystem("not a system").create())
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("Akka 2.6 ActorSystem");
  }

  @Test
  void hostSystemWithItsOwnConfig_keepsIt() {
    ActorTestKit quiet = ActorTestKit.create("configured-host",
        com.typesafe.config.ConfigFactory.parseString("akka.loglevel = ERROR"));
    try (KindlingSession s = KindlingSession.builder().master("local[1]").actorSystem(quiet.system()).create()) {
      assertThat(s.parallelize(range(0, 3), 1).count()).isEqualTo(3);
      assertThat(quiet.system().settings().config().getString("akka.loglevel")).isEqualTo("ERROR");
    } finally {
      quiet.shutdownTestKit();
    }
  }
}
