package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorSystem;
import io.kindling.KindlingSession;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A local session's own ActorSystem starts none of the extensions of the Akka modules it doesn't use (remoting
 * and cluster serializers, streams, Receptionist), not even after a job.
 */
class LocalSystemTest {

  private static ActorSystem<Void> systemOf(KindlingSession session) {
    return ((ActorBackend) session.internalContext().backend("test")).system();
  }

  @Test
  void localSystem_afterAJob_hasNoSerializationStreamOrReceptionistExtension() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      List<Integer> numbers = IntStream.rangeClosed(1, 1000).boxed().toList();
      assertThat(s.parallelize(numbers, 2).map(x -> (long) x * 2).reduce(Long::sum)).isEqualTo(1_001_000L);
      ExtendedActorSystem classic = (ExtendedActorSystem) systemOf(s).classicSystem();
      assertThat(classic.hasExtension(akka.serialization.SerializationExtension$.MODULE$)).isFalse();
      assertThat(classic.hasExtension(akka.stream.SystemMaterializer$.MODULE$)).isFalse();
      assertThat(systemOf(s).hasExtension(akka.actor.typed.receptionist.Receptionist$.MODULE$)).isFalse();
    }
  }

  @Test
  void localSystem_stillCreatesAnExtensionOnFirstUse() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      ExtendedActorSystem classic = (ExtendedActorSystem) systemOf(s).classicSystem();
      byte[] bytes = akka.serialization.SerializationExtension.get(classic).serialize("text").get();
      assertThat(bytes).isEqualTo("text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(classic.hasExtension(akka.serialization.SerializationExtension$.MODULE$)).isTrue();
    }
  }
}
