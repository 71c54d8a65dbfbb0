package io.kindling.ops;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every cluster command takes: settings as {@code --conf KEY=VALUE} or a file, and the transport. */
final class ClusterOptions {
  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A setting, e.g. --conf kindling.cluster.tls.key-store=node1.p12 (repeatable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--config-file", paramLabel = "FILE", description = "A HOCON file of settings.")
  File configFile;

  @Option(names = "--transport", paramLabel = "tcp|tls-tcp|aeron-udp",
      description = "Artery transport (default: kindling.cluster.transport, tcp).")
  String transport;

  /** The settings: {@code extra}, then these options, then the file, then the system properties and defaults. */
  Config load(Map<String, Object> extra) {
    Map<String, Object> overrides = new LinkedHashMap<>(conf);
    if (transport != null) {
      overrides.put("kindling.cluster.transport", transport);
    }
    overrides.putAll(extra);
    Config config = ConfigFactory.parseMap(overrides, "command line");
    if (configFile != null) {
      config = config.withFallback(ConfigFactory.parseFile(configFile));
    }
    return config.withFallback(ConfigFactory.load()).resolve();
  }
}
