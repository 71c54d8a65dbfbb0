package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Kindling setting lives under {@code kindling} in a reference.conf, with a comment saying what it does. */
class ReferenceConfTest {

  @Test
  void everyKindlingSetting_isCommented() {
    Config kindling = ConfigFactory.defaultReference().getConfig("kindling");
    List<String> uncommented = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : kindling.entrySet()) {
      // The Akka overrides for a session's own ActorSystem (local or cluster member) are explained by the comment
      // on their block.
      if (e.getKey().startsWith("runtime.local.akka.") || e.getKey().startsWith("runtime.cluster.akka.")) {
        continue;
      }
      if (commentsOf(kindling, e.getKey()).isEmpty()) {
        uncommented.add(e.getKey());
      }
    }
    assertThat(uncommented).isEmpty();
    assertThat(kindling.getConfig("runtime.local").origin().comments()).isNotEmpty();
  }

  /** The comments on a setting, or on the block that holds it when the setting is its only entry. */
  private static List<String> commentsOf(Config root, String path) {
    List<String> own = root.getValue(path).origin().comments();
    if (!own.isEmpty()) {
      return own;
    }
    int dot = path.lastIndexOf('.');
    if (dot > 0 && root.getConfig(path.substring(0, dot)).root().size() == 1) {
      return commentsOf(root, path.substring(0, dot));
    }
    return own;
  }

  @Test
  void knownSettings_haveTheirDefaults() {
    Config c = ConfigFactory.defaultReference();
    assertThat(c.getString("kindling.master")).isEqualTo("local[*]");
    assertThat(c.getInt("kindling.task.max-attempts")).isEqualTo(4);
    assertThat(c.getInt("kindling.default-parallelism")).isZero();
    assertThat(c.getBytes("kindling.input.max-split-bytes")).isEqualTo(32L << 20);
    assertThat(c.getString("kindling.runtime.local.akka.actor.provider")).isEqualTo("local");
  }
}
