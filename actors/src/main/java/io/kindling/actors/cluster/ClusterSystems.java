package io.kindling.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Akka configuration of cluster members from {@link ClusterSettings}: the static part lives in
 * {@code kindling.runtime.cluster.akka} of {@code reference.conf}; this adds the address, transport, seeds,
 * role, downing timeouts and what the member's role implies about the JVM.
 */
public final class ClusterSystems {
  /** Artery frames carry headers besides the serialized message. */
  private static final long FRAME_OVERHEAD = 64 * 1024;
  /** Aeron limits a message to 1/8 of its term buffer (16 MiB unless aeron.term.buffer.length says otherwise). */
  private static final long AERON_MAX_FRAME = 2 * 1024 * 1024;

  private ClusterSystems() {}

  /** The Akka config of a cluster member with {@code role}, over {@code config}'s Akka settings. */
  public static Config memberConfig(ClusterSettings s, MemberRole role, Config config) {
    KindlingJacksonModule.limitResults(maximumMessageSize(s) - 1024);
    Map<String, Object> m = transportSettings(s, config);
    m.put("akka.actor.provider", "cluster");
    m.put("akka.cluster.seed-nodes", s.seedNodes().stream().map(n -> n.akkaAddress(s.systemName())).toList());
    m.put("akka.cluster.roles", List.of(role.roleName()));
    m.put("akka.cluster.shutdown-after-unsuccessful-join-seed-nodes", s.joinTimeout().toMillis() + "ms");
    m.put("akka.cluster.failure-detector.acceptable-heartbeat-pause", s.failureDetectionPause().toMillis() + "ms");
    m.put("akka.cluster.split-brain-resolver.stable-after", s.stableAfter().toMillis() + "ms");
    if (config.getBoolean("kindling.cluster.network-faults")) {
      // Artery's test mode lets partitionNetwork() drop a link's messages; it costs a little on every message.
      m.put("akka.remote.artery.advanced.test-mode", "on");
    }
    if (role == MemberRole.WORKER) {
      // A worker is its own process: SIGTERM leaves the cluster gracefully; WorkerMain ends the JVM with a
      // status that says why the member stopped (left, downed, could not join).
      m.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "on");
      m.put("akka.coordinated-shutdown.exit-jvm", "off");
      // Before leaving, a worker hands its data over to the others (WorkerAgent.HandOver).
      m.put("akka.coordinated-shutdown.phases.before-cluster-shutdown.timeout", "60s");
    } else {
      // A driver is embedded in the user's JVM: never install hooks, exit the JVM, or keep it alive.
      embedded(m);
    }
    return ConfigFactory.parseMap(m, "kindling cluster member (" + role.roleName() + ")")
        .withFallback(config.getConfig("kindling.runtime.cluster"))
        .withFallback(config)
        .resolve();
  }

  /**
   * The Akka config of a short-lived client (the {@code kindling status} and {@code leave} commands): it speaks
   * to members over Artery with the cluster's transport and serializers but never joins.
   */
  public static Config clientConfig(ClusterSettings s, Config config) {
    Map<String, Object> m = transportSettings(s.withPort(0), config);
    m.put("akka.actor.provider", "remote");
    // A client only asks and leaves: the warnings about remoting without a cluster, and about connections it
    // drops when it stops, are noise here.
    m.put("akka.remote.warn-about-direct-use", "off");
    m.put("akka.remote.warn-unsafe-watch-outside-cluster", "off");
    m.put("akka.loglevel", "ERROR");
    embedded(m);
    return ConfigFactory.parseMap(m, "kindling cluster client")
        .withFallback(config.getConfig("kindling.runtime.cluster"))
        .withFallback(config)
        .resolve();
  }

  /** The largest serialized message the member's transport carries. */
  public static long maximumMessageSize(ClusterSettings s) {
    return frameSize(s) - FRAME_OVERHEAD;
  }

  private static long frameSize(ClusterSettings s) {
    long frame = s.maximumMessageSize() + FRAME_OVERHEAD;
    return s.transport() == Transport.AERON_UDP ? Math.min(frame, AERON_MAX_FRAME) : frame;
  }

  private static Map<String, Object> transportSettings(ClusterSettings s, Config config) {
    Map<String, Object> m = new HashMap<>();
    // Appended here rather than with += in reference.conf, where it would replace Akka's own modules.
    List<String> modules = new ArrayList<>(config.getStringList("akka.serialization.jackson.jackson-modules"));
    if (!modules.contains(KindlingJacksonModule.class.getName())) {
      modules.add(KindlingJacksonModule.class.getName());
    }
    m.put("akka.serialization.jackson.jackson-modules", modules);
    m.put("akka.remote.artery.transport", s.transport().configName());
    m.put("akka.remote.artery.canonical.hostname", s.effectiveHostname());
    m.put("akka.remote.artery.canonical.port", s.port());
    m.put("akka.remote.artery.advanced.maximum-large-frame-size", frameSize(s) + "b");
    switch (s.transport()) {
      case TLS_TCP -> {
        ClusterSettings.TlsSettings tls = s.tls();
        tls.requireComplete();
        String p = "akka.remote.artery.ssl.config-ssl-engine.";
        m.put(p + "key-store", absolute(tls.keyStore()));
        m.put(p + "key-store-password", tls.keyStorePassword());
        m.put(p + "key-password", tls.keyPassword());
        m.put(p + "trust-store", absolute(tls.trustStore()));
        m.put(p + "trust-store-password", tls.trustStorePassword());
        m.put(p + "protocol", tls.protocol());
        m.put(p + "enabled-algorithms", tls.enabledAlgorithms());
        m.put(p + "require-mutual-authentication", "on");
      }
      case AERON_UDP -> {
        ClusterSettings.AeronSettings aeron = s.aeron();
        String p = "akka.remote.artery.advanced.aeron.";
        m.put(p + "embedded-media-driver", aeron.embeddedMediaDriver() ? "on" : "off");
        m.put(p + "idle-cpu-level", aeron.idleCpuLevel());
        if (aeron.embeddedMediaDriver()) {
          m.put(p + "aeron-dir", "");
          m.put(p + "delete-aeron-dir", "yes");
        } else {
          m.put(p + "aeron-dir", absolute(aeron.dir()));
          m.put(p + "delete-aeron-dir", "no");
        }
      }
      case TCP -> { }
    }
    return m;
  }

  private static void embedded(Map<String, Object> m) {
    m.put("akka.jvm-shutdown-hooks", "off");
    m.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    m.put("akka.coordinated-shutdown.exit-jvm", "off");
    m.put("akka.daemonic", "on");
  }

  private static String absolute(String path) {
    return Path.of(path).toAbsolutePath().toString();
  }
}
