package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kindling.KindlingSession;
import org.junit.jupiter.api.Test;

/** The warm-up's class initialization names classes that exist, and ends before a session's ActorSystem starts. */
class WarmUpTest {

  @Test
  void everyClassTheWarmUpInitializes_existsInThisAkkaAndScala() {
    ClassLoader loader = WarmUp.class.getClassLoader();
    for (String name : WarmUp.ACTOR_SYSTEM_CLASSES) {
      assertThatCode(() -> Class.forName(name, false, loader)).as(name).doesNotThrowAnyException();
    }
  }

  @Test
  void afterASessionIsCreated_theWarmUpInitializesNoMoreClasses() {
    try (KindlingSession s = KindlingSession.builder().master("local[1]").create()) {
      assertThat(WarmUp.initializeActorSystemClasses()).isZero();
      assertThat(s.parallelize(java.util.List.of(1, 2, 3), 2).map(x -> x * 2).reduce(Integer::sum)).isEqualTo(12);
    }
  }
}
