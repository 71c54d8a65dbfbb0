package io.kindling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kindling.KindlingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static SessionSettings settings(Map<String, Object> overrides) {
    Config config = ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    return SessionSettings.from(config);
  }

  @Test
  void coresOf_local_isOne() {
    assertThat(SessionSettings.coresOf("local")).isEqualTo(1);
  }

  @Test
  void coresOf_localN_isN() {
    assertThat(SessionSettings.coresOf("local[1]")).isEqualTo(1);
    assertThat(SessionSettings.coresOf("local[3]")).isEqualTo(3);
    assertThat(SessionSettings.coresOf("local[64]")).isEqualTo(64);
  }

  @Test
  void coresOf_localStar_isEveryCore() {
    assertThat(SessionSettings.coresOf("local[*]")).isEqualTo(CORES);
  }

  @Test
  void coresOf_localZero_failsClearly() {
    assertThatThrownBy(() -> SessionSettings.coresOf("local[0]"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("local[0]")
        .hasMessageContaining("N >= 1");
  }

  @Test
  void coresOf_unknownMaster_failsNamingIt() {
    for (String bad : new String[] {"yarn", "local[x]", "local[-1]", "local[2", "LOCAL", "local[]"}) {
      assertThatThrownBy(() -> SessionSettings.coresOf(bad))
          .as(bad)
          .isInstanceOf(KindlingException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void coresOf_clusterMasters_areParsed() {
    assertThat(SessionSettings.coresOf("cluster")).isEqualTo(CORES);
    assertThat(SessionSettings.coresOf("kindling://host:2552")).isEqualTo(CORES);
  }

  @Test
  void from_referenceDefaults() {
    SessionSettings s = settings(Map.of());
    assertThat(s.appName()).isEqualTo("kindling");
    assertThat(s.master()).isEqualTo("local[*]");
    assertThat(s.cores()).isEqualTo(CORES);
    assertThat(s.defaultParallelism()).isEqualTo(CORES);
    assertThat(s.maxTaskAttempts()).isEqualTo(4);
  }

  @Test
  void from_overrides_areRead() {
    SessionSettings s = settings(Map.of("kindling.app-name", "etl", "kindling.master", " local[3] ",
        "kindling.default-parallelism", 7, "kindling.task.max-attempts", 1));
    assertThat(s).isEqualTo(new SessionSettings("etl", "local[3]", 3, 7, 1));
  }

  @Test
  void from_zeroParallelism_meansTheCores() {
    assertThat(settings(Map.of("kindling.master", "local[5]")).defaultParallelism()).isEqualTo(5);
  }

  @Test
  void from_maxAttemptsBelowOne_fails() {
    assertThatThrownBy(() -> settings(Map.of("kindling.task.max-attempts", 0)))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("kindling.task.max-attempts");
  }
}
