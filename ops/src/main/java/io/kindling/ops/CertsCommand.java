package io.kindling.ops;

import io.kindling.ops.certs.TestCertificates;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kindling certs}: a test CA and node keystores for the tls-tcp transport. */
@Command(name = "certs", mixinStandardHelpOptions = true,
    description = {"Makes a test certificate authority (ca.p12), a truststore with its certificate",
        "(truststore.p12) and a keystore per node (NAME.p12) for the tls-tcp transport, with keytool."})
final class CertsCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write to.")
  File out;

  @Option(names = "--nodes", split = ",", paramLabel = "NAME", description = "Node names (default: node).")
  List<String> nodes = new ArrayList<>(List.of("node"));

  @Option(names = "--password", defaultValue = "changeit", description = "Password of every store.")
  String password;

  @Option(names = "--ca-name", defaultValue = "Kindling Test CA", description = "The CA's common name.")
  String caName;

  @Option(names = "--validity-days", defaultValue = "365", description = "Validity of the certificates.")
  int validityDays;

  @Override
  public Integer call() {
    TestCertificates certs = new TestCertificates(out.toPath(), password, validityDays);
    certs.createAuthority(caName);
    List<Path> stores = new ArrayList<>();
    for (String node : nodes) {
      stores.add(certs.createNode(node));
    }
    System.out.println("Wrote " + out.toPath().resolve(TestCertificates.CA_FILE) + " (keep it off the cluster), "
        + certs.truststore() + " and " + stores);
    System.out.println("Start each member with:");
    System.out.println("  --transport tls-tcp --conf kindling.cluster.tls.key-store=" + stores.get(0)
        + " --conf kindling.cluster.tls.key-store-password=" + password);
    System.out.println("  --conf kindling.cluster.tls.trust-store=" + certs.truststore()
        + " --conf kindling.cluster.tls.trust-store-password=" + password);
    return 0;
  }
}
