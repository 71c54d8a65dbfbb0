package io.kindling.actors.cluster;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.kindling.KindlingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a cluster member, read once from {@code kindling.cluster} (see the actors module's
 * {@code reference.conf} for what each one means).
 */
public record ClusterSettings(String systemName, List<SeedNode> seedNodes, String hostname, int port,
    Transport transport, TlsSettings tls, AeronSettings aeron, int minWorkers, Duration workerWaitTimeout,
    Duration joinTimeout, long maximumMessageSize, Duration failureDetectionPause, Duration stableAfter) {

  public ClusterSettings {
    requireNonNull(systemName, "systemName is null");
    seedNodes = List.copyOf(seedNodes);
    requireNonNull(hostname, "hostname is null");
    requireNonNull(transport, "transport is null");
    requireNonNull(tls, "tls is null");
    requireNonNull(aeron, "aeron is null");
    if (port < 0 || port > 65535) {
      throw new KindlingException("kindling.cluster.port must be in 0..65535: " + port);
    }
    if (minWorkers < 0) {
      throw new KindlingException("kindling.cluster.min-workers must not be negative: " + minWorkers);
    }
  }

  /** Reads {@code kindling.cluster} of {@code config}. */
  public static ClusterSettings from(Config config) {
    Config c = config.getConfig("kindling.cluster");
    List<SeedNode> seeds = new ArrayList<>();
    for (String s : c.getStringList("seed-nodes")) {
      seeds.add(SeedNode.parse(s));
    }
    return new ClusterSettings(c.getString("system-name"), seeds, c.getString("hostname"), c.getInt("port"),
        Transport.fromConfig(c.getString("transport")), TlsSettings.from(c.getConfig("tls")),
        AeronSettings.from(c.getConfig("aeron")), c.getInt("min-workers"), c.getDuration("worker-wait-timeout"),
        c.getDuration("join-timeout"), c.getBytes("maximum-message-size"),
        c.getDuration("failure-detector.acceptable-heartbeat-pause"), c.getDuration("downing.stable-after"));
  }

  /**
   * Reads the settings of a driver started with {@code master}: {@code cluster} joins the configured seed nodes,
   * {@code kindling://HOST:PORT} joins that member (before any configured ones).
   */
  public static ClusterSettings forMaster(Config config, String master) {
    ClusterSettings s = from(config);
    if (master.startsWith("kindling://")) {
      List<SeedNode> seeds = new ArrayList<>();
      seeds.add(SeedNode.parse(master));
      s.seedNodes.stream().filter(n -> !seeds.contains(n)).forEach(seeds::add);
      s = s.withSeedNodes(seeds);
    } else if (!master.equals("cluster")) {
      throw new KindlingException("Not a cluster master URL: '" + master + "'. Use cluster or kindling://HOST:PORT");
    }
    if (s.seedNodes.isEmpty()) {
      throw new KindlingException("Master 'cluster' needs seed nodes to join: set kindling.cluster.seed-nodes "
          + "(e.g. [\"10.0.0.5:2552\"]) or use master(\"kindling://HOST:PORT\") naming any member");
    }
    return s;
  }

  public ClusterSettings withSeedNodes(List<SeedNode> seeds) {
    return new ClusterSettings(systemName, seeds, hostname, port, transport, tls, aeron, minWorkers,
        workerWaitTimeout, joinTimeout, maximumMessageSize, failureDetectionPause, stableAfter);
  }

  public ClusterSettings withPort(int newPort) {
    return new ClusterSettings(systemName, seedNodes, hostname, newPort, transport, tls, aeron, minWorkers,
        workerWaitTimeout, joinTimeout, maximumMessageSize, failureDetectionPause, stableAfter);
  }

  /**
   * The host name this member is reached at: the configured one; else a seed's host when the seed is this very
   * member (that is how the first worker forms the cluster); else {@code 127.0.0.1} when every seed is on
   * loopback; else the machine's address.
   */
  public String effectiveHostname() {
    if (!hostname.isBlank()) {
      return hostname;
    }
    for (SeedNode seed : seedNodes) {
      if (seed.port() == port && seed.isLocal()) {
        return seed.host();
      }
    }
    if (!seedNodes.isEmpty() && seedNodes.stream().allMatch(SeedNode::isLoopback)) {
      return "127.0.0.1";
    }
    return "<getHostAddress>";
  }

  /** Keystores of the {@code tls-tcp} transport ({@code kindling.cluster.tls}). */
  public record TlsSettings(String keyStore, String keyStorePassword, String keyPassword, String trustStore,
      String trustStorePassword, String protocol, List<String> enabledAlgorithms) {
    public TlsSettings {
      enabledAlgorithms = List.copyOf(enabledAlgorithms);
    }

    static TlsSettings from(Config c) {
      String keyPassword = c.getString("key-password");
      return new TlsSettings(c.getString("key-store"), c.getString("key-store-password"),
          keyPassword.isEmpty() ? c.getString("key-store-password") : keyPassword, c.getString("trust-store"), c.getString("trust-store-password"),
          c.getString("protocol"), c.getStringList("enabled-algorithms"));
    }

    /** Fails, naming the missing settings, unless keystore and truststore are both given. */
    void requireComplete() {
      List<String> missing = new ArrayList<>();
      if (keyStore.isBlank()) {
        missing.add("kindling.cluster.tls.key-store");
      }
      if (trustStore.isBlank()) {
        missing.add("kindling.cluster.tls.trust-store");
      }
      if (!missing.isEmpty()) {
        throw new KindlingException("The tls-tcp transport needs " + String.join(" and ", missing)
            + " (PKCS12 files; `kindling certs` makes a test CA and node keystores)");
      }
    }
  }

  /** The media driver of the {@code aeron-udp} transport ({@code kindling.cluster.aeron}). */
  public record AeronSettings(boolean embeddedMediaDriver, String dir, int idleCpuLevel) {
    public AeronSettings {
      requireNonNull(dir, "dir is null");
      if (idleCpuLevel < 1 || idleCpuLevel > 10) {
        throw new KindlingException("kindling.cluster.aeron.idle-cpu-level must be in 1..10: " + idleCpuLevel);
      }
    }

    static AeronSettings from(Config c) {
      String mode = c.getString("media-driver");
      boolean embedded = switch (mode) {
        case "embedded" -> true;
        case "shared" -> false;
        default -> throw new KindlingException("kindling.cluster.aeron.media-driver must be embedded or shared: "
            + mode);
      };
      String dir = c.getString("dir");
      if (dir.isBlank()) {
        dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "kindling-aeron").toString();
      }
      return new AeronSettings(embedded, dir, c.getInt("idle-cpu-level"));
    }
  }
}
