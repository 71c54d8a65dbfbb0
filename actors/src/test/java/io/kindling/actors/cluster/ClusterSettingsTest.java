package io.kindling.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kindling.KindlingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static Config config(Map<String, Object> overrides) {
    return ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.load()).resolve();
  }

  @Test
  void seedNode_parsesEveryAcceptedForm() {
    assertThat(SeedNode.parse("10.0.0.5:2552")).isEqualTo(new SeedNode("10.0.0.5", 2552));
    assertThat(SeedNode.parse("kindling://host-a:2553")).isEqualTo(new SeedNode("host-a", 2553));
    assertThat(SeedNode.parse("akka://kindling@127.0.0.1:2554")).isEqualTo(new SeedNode("127.0.0.1", 2554));
    assertThat(SeedNode.parse("[::1]:2555").host()).isEqualTo("[::1]");
    assertThat(new SeedNode("h", 1).akkaAddress("kindling")).isEqualTo("akka://kindling@h:1");
  }

  @Test
  void seedNode_withoutAPort_failsNamingTheForms() {
    assertThatThrownBy(() -> SeedNode.parse("host-a"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("'host-a'")
        .hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> SeedNode.parse("h:70000")).hasMessageContaining("70000");
  }

  @Test
  void forMaster_kindlingUrl_putsThatMemberFirst() {
    ClusterSettings s = ClusterSettings.forMaster(config(Map.of("kindling.cluster.seed-nodes",
        List.of("b:2552", "a:2552"))), "kindling://a:2552");
    assertThat(s.seedNodes()).containsExactly(new SeedNode("a", 2552), new SeedNode("b", 2552));
  }

  @Test
  void forMaster_clusterWithoutSeeds_failsSayingWhatToSet() {
    assertThatThrownBy(() -> ClusterSettings.forMaster(config(Map.of()), "cluster"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("kindling.cluster.seed-nodes")
        .hasMessageContaining("kindling://HOST:PORT");
  }

  @Test
  void effectiveHostname_ofTheSeedItself_isTheSeedsHost_andLoopbackSeedsMeanLoopback() {
    ClusterSettings seed = ClusterSettings.from(config(Map.of("kindling.cluster.seed-nodes", List.of("localhost:2552"),
        "kindling.cluster.port", 2552)));
    assertThat(seed.effectiveHostname()).isEqualTo("localhost");
    ClusterSettings other = seed.withPort(2553);
    assertThat(other.effectiveHostname()).isEqualTo("127.0.0.1");
  }

  @Test
  void unknownTransport_failsListingTheKnownOnes() {
    assertThatThrownBy(() -> ClusterSettings.from(config(Map.of("kindling.cluster.transport", "udp"))))
        .hasMessageContaining("tcp, tls-tcp, aeron-udp");
  }

  @Test
  void memberConfig_setsProviderRolesSeedsDowningAndSerialization() {
    Config base = config(Map.of("kindling.cluster.seed-nodes", List.of("127.0.0.1:2552")));
    Config akka = ClusterSystems.memberConfig(ClusterSettings.from(base), MemberRole.DRIVER, base);
    assertThat(akka.getString("akka.actor.provider")).isEqualTo("cluster");
    assertThat(akka.getStringList("akka.cluster.roles")).containsExactly("driver");
    assertThat(akka.getStringList("akka.cluster.seed-nodes")).containsExactly("akka://kindling@127.0.0.1:2552");
    assertThat(akka.getString("akka.cluster.downing-provider-class")).contains("SplitBrainResolverProvider");
    assertThat(akka.getString("akka.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");
    assertThat(akka.getBoolean("akka.actor.allow-java-serialization")).isFalse();
    assertThat(akka.getStringList("akka.serialization.jackson.jackson-modules"))
        .contains("akka.serialization.jackson.AkkaTypedJacksonModule", KindlingJacksonModule.class.getName());
    assertThat(akka.getString("akka.remote.artery.transport")).isEqualTo("tcp");
    assertThat(akka.getBoolean("akka.coordinated-shutdown.exit-jvm")).isFalse();
    assertThat(akka.getBoolean("akka.jvm-shutdown-hooks")).isFalse();
  }

  @Test
  void tlsTransport_withoutKeystores_failsNamingTheSettings() {
    Config base = config(Map.of("kindling.cluster.transport", "tls-tcp"));
    assertThatThrownBy(() -> ClusterSystems.memberConfig(ClusterSettings.from(base), MemberRole.WORKER, base))
        .hasMessageContaining("kindling.cluster.tls.key-store")
        .hasMessageContaining("kindling.cluster.tls.trust-store")
        .hasMessageContaining("kindling certs");
  }

  @Test
  void aeronTransport_capsMessagesAtAnEighthOfTheTermBuffer() {
    Config base = config(Map.of("kindling.cluster.transport", "aeron-udp",
        "kindling.cluster.maximum-message-size", "64MiB"));
    ClusterSettings s = ClusterSettings.from(base);
    assertThat(ClusterSystems.maximumMessageSize(s)).isLessThan(2L * 1024 * 1024);
    Config akka = ClusterSystems.memberConfig(s, MemberRole.WORKER, base);
    assertThat(akka.getBoolean("akka.remote.artery.advanced.aeron.embedded-media-driver")).isFalse();
    assertThat(akka.getInt("akka.remote.artery.advanced.aeron.idle-cpu-level")).isEqualTo(1);
  }
}
