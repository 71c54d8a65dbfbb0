package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import io.kindling.KindlingSession;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A local session's own ActorSystem starts Akka's core only, not the remoting, streams or cluster modules. */
class LocalSystemTest {

  private static ActorSystem<Void> systemOf(KindlingSession session) {
    return ((ActorBackend) session.internalContext().backend("test")).system();
  }

  @Test
  void localSystem_hasOnlyTheCoreSerializers() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      Config akka = systemOf(s).settings().config().getConfig("akka");
      assertThat(akka.getConfig("actor.serializers").root().keySet()).containsExactlyInAnyOrder("java", "bytes",
          "primitive-long", "primitive-int", "primitive-string", "primitive-bytestring", "primitive-boolean",
          "typed-misc", "service-key");
      Set<String> boundTo = akka.getConfig("actor.serialization-bindings").root().unwrapped().values().stream()
          .map(Object::toString).collect(Collectors.toSet());
      assertThat(akka.getConfig("actor.serializers").root().keySet()).containsAll(boundTo);
      assertThat(akka.getStringList("library-extensions")).noneMatch(e -> e.startsWith("akka.stream."));
    }
  }

  @Test
  void localSystem_startsNoStreamMaterializer_andStillRunsJobs() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      List<Integer> numbers = IntStream.rangeClosed(1, 1000).boxed().toList();
      assertThat(s.parallelize(numbers, 2).map(x -> (long) x * 2).reduce(Long::sum)).isEqualTo(1_001_000L);
      assertThat(systemOf(s).classicSystem().hasExtension(akka.stream.SystemMaterializer$.MODULE$)).isFalse();
    }
  }

  @Test
  void localSystemClassLoader_showsOnlyTheCoreAkkaReferenceConf_andTheSameClasses() throws Exception {
    ClassLoader app = LocalSystemTest.class.getClassLoader();
    LocalSystemClassLoader local = new LocalSystemClassLoader(app);
    List<String> refs = java.util.Collections.list(local.getResources("reference.conf")).stream()
        .map(Object::toString).toList();
    assertThat(refs).hasSize(2).allMatch(u -> u.contains("akka-actor"));
    assertThat(java.util.Collections.list(app.getResources("reference.conf")).size()).isGreaterThan(2);
    assertThat(local.loadClass("akka.actor.ActorSystem")).isSameAs(akka.actor.ActorSystem.class);
    assertThat(local.getResource("akka/actor/ActorSystem.class")).isNotNull();
  }
}
