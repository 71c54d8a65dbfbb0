package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.ExtendedActorSystem;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import akka.actor.typed.ActorSystem;
import io.kindling.KindlingSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A local session's own ActorSystem starts none of the extensions of the Akka modules it doesn't use (remoting
 * and cluster serializers, streams, Receptionist), not even after a job, and logs through SLF4J only.
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

  @Test
  void localSession_readsNoDefaultsOfTheClusterModules_butAllOfItsOwnAndAkkasCore() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      com.typesafe.config.Config config = s.internalContext().config();
      assertThat(config.hasPath("akka.remote.artery")).isFalse();
      assertThat(config.hasPath("akka.cluster.failure-detector")).isFalse();
      assertThat(config.getInt("kindling.task.max-attempts")).isEqualTo(4);
      assertThat(config.getString("akka.actor.default-dispatcher.type")).isEqualTo("Dispatcher");
      assertThat(systemOf(s).settings().config().getString("akka.actor.provider")).isEqualTo("local");
      // Akka's same-version check still sees its modules.
      assertThat(akka.util.ManifestInfo.get(systemOf(s).classicSystem()).versions().contains("akka-actor"))
          .isTrue();
    }
  }

  @Test
  void localConfigLoader_hidesTheUnusedModulesReferenceConf_andNonAkkaManifests_andLoadsTheSameClasses() throws Exception {
    ClassLoader app = LocalSystemTest.class.getClassLoader();
    ClassLoader local = LocalConfigLoader.over(app);
    assertThat(LocalConfigLoader.over(app)).isSameAs(local);
    List<String> all = java.util.Collections.list(app.getResources("reference.conf")).stream()
        .map(Object::toString).toList();
    List<String> kept = java.util.Collections.list(local.getResources("reference.conf")).stream()
        .map(Object::toString).toList();
    assertThat(all).anyMatch(u -> u.contains("akka-remote"));
    assertThat(kept).noneMatch(u -> u.contains("akka-remote") || u.contains("akka-cluster"))
        .anyMatch(u -> u.contains("akka-actor_")).anyMatch(u -> u.contains("kindling-actors") || u.contains("classes"));
    assertThat(all).containsAll(kept);
    List<String> manifests = java.util.Collections.list(local.getResources("META-INF/MANIFEST.MF")).stream()
        .map(Object::toString).toList();
    assertThat(manifests).anyMatch(u -> u.contains("/akka-actor_"))
        .noneMatch(u -> u.contains("/scala-library-"));
    assertThat(local.getResources("META-INF/services/io.kindling.spi.ExecutionBackendFactory").hasMoreElements())
        .isTrue();
    assertThat(local.loadClass("akka.actor.ActorSystem")).isSameAs(akka.actor.ActorSystem.class);
    assertThat(local.getResource("akka/remote/RemoteActorRefProvider.class")).isNotNull();
  }

  @Test
  void localSystem_loadsClassesThroughTheCreatingThreadsContextClassLoader() throws Exception {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader app = new java.net.URLClassLoader(new java.net.URL[0], previous)) {
      Thread.currentThread().setContextClassLoader(app);
      try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
        ExtendedActorSystem classic = (ExtendedActorSystem) systemOf(s).classicSystem();
        assertThat(classic.dynamicAccess().classLoader().getParent()).isSameAs(app);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void localSystem_logsThroughSlf4jOnly_neverToStandardOutput() throws Exception {
    CountDownLatch logged = new CountDownLatch(1);
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        if (event.getFormattedMessage().contains("kindling-test-warning")) {
          logged.countDown();
        }
      }
    };
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    appender.start();
    root.addAppender(appender);
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
        akka.actor.ActorSystem classic = systemOf(s).classicSystem();
        assertThat(CollectionConverters.asJava(classic.settings().Loggers()))
            .containsExactly("akka.event.slf4j.Slf4jLogger");
        assertThat(classic.settings().StdoutLogLevel()).isEqualTo("OFF");
        classic.log().warning("kindling-test-warning");
        assertThat(logged.await(60, TimeUnit.SECONDS)).as("the warning reached SLF4J").isTrue();
      }
    } finally {
      System.setOut(previous);
      root.detachAppender(appender);
    }
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
