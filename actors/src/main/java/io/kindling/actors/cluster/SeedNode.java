package io.kindling.actors.cluster;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of a cluster member used to join: written {@code HOST:PORT}, {@code kindling://HOST:PORT} (a
 * master URL) or {@code akka://SYSTEM@HOST:PORT} (Akka's own form).
 */
public record SeedNode(String host, int port) {
  private static final Pattern FORM =
      Pattern.compile("(?:kindling://|akka://[^@/]+@)?(\\[[^]]+]|[^:/@\\[\\]]+):(\\d+)/?");

  public SeedNode {
    requireNonNull(host, "host is null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535: " + port);
    }
  }

  /** Parses one of the accepted forms, or fails naming the text and the forms. */
  public static SeedNode parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new KindlingException("Could not parse cluster address '" + text
          + "': write HOST:PORT, kindling://HOST:PORT or akka://kindling@HOST:PORT");
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw new KindlingException("Port out of range in cluster address '" + text + "': " + port);
    }
    return new SeedNode(m.group(1), port);
  }

  /** Akka's address of this member in a cluster whose ActorSystems are named {@code systemName}. */
  public String akkaAddress(String systemName) {
    return "akka://" + systemName + "@" + host + ":" + port;
  }

  /** True when the host names this machine's loopback interface. */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(stripBrackets(host)).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True when the host names an address of one of this machine's interfaces. */
  public boolean isLocal() {
    try {
      InetAddress address = InetAddress.getByName(stripBrackets(host));
      return address.isLoopbackAddress() || address.isAnyLocalAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (UnknownHostException | SocketException e) {
      return false;
    }
  }

  private static String stripBrackets(String h) {
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
