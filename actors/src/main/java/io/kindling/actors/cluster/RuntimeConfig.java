package io.kindling.actors.cluster;

import com.typesafe.config.Config;
import io.kindling.actors.node.NodeSupervisor;

/** Settings of the runtime shared by local and cluster mode, read from {@code kindling.runtime}. */
final class RuntimeConfig {
  private RuntimeConfig() {}

  static NodeSupervisor.RestartPolicy restarts(Config config) {
    Config r = config.getConfig("kindling.runtime.partition-restarts");
    return new NodeSupervisor.RestartPolicy(r.getDuration("min-backoff"), r.getDuration("max-backoff"),
        r.getInt("max-restarts"));
  }
}
