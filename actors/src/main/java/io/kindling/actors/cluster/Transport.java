package io.kindling.actors.cluster;

import io.kindling.KindlingException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Artery's transports, as {@code kindling.cluster.transport} names them. */
public enum Transport {
  /** Artery over TCP: the default. */
  TCP("tcp"),
  /** Artery over TCP with TLS and mutual authentication (keystores from {@code kindling.cluster.tls}). */
  TLS_TCP("tls-tcp"),
  /** Artery over Aeron UDP, through a media driver (see {@code kindling.cluster.aeron}); no encryption. */
  AERON_UDP("aeron-udp");

  private final String configName;

  Transport(String configName) {
    this.configName = configName;
  }

  /** The name Artery's {@code akka.remote.artery.transport} uses. */
  public String configName() {
    return configName;
  }

  public static Transport fromConfig(String name) {
    for (Transport t : values()) {
      if (t.configName.equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    throw new KindlingException("Unknown kindling.cluster.transport '" + name + "': use one of "
        + Arrays.stream(values()).map(Transport::configName).collect(Collectors.joining(", ")));
  }
}
