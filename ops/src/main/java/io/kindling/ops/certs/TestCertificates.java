package io.kindling.ops.certs;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a test certificate authority and PKCS12 keystores signed by it, for the {@code tls-tcp} transport, with
 * the JDK's {@code keytool}: {@code ca.p12} (the CA's key: keep it out of the cluster), {@code truststore.p12}
 * (the CA's certificate: every member's truststore) and {@code NAME.p12} per node (its key and certificate,
 * signed by the CA). Keys are EC P-256; node certificates are valid for TLS server and client authentication.
 * For tests and trials: a production cluster takes certificates from its organisation's CA.
 */
public final class TestCertificates {
  public static final String CA_FILE = "ca.p12";
  public static final String TRUSTSTORE_FILE = "truststore.p12";

  private final Path dir;
  private final String password;
  private final int validityDays;

  public TestCertificates(Path dir, String password, int validityDays) {
    this.dir = requireNonNull(dir, "dir is null");
    this.password = requireNonNull(password, "password is null");
    if (password.length() < 6) {
      throw new KindlingException("Keystore passwords must have at least 6 characters (keytool's rule)");
    }
    if (validityDays < 1) {
      throw new KindlingException("validity must be at least one day: " + validityDays);
    }
    this.validityDays = validityDays;
  }

  /** Creates the CA and the truststore in the directory; fails if a CA is already there. */
  public void createAuthority(String caName) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KindlingException("Could not create " + dir + ": " + e, e);
    }
    if (Files.exists(dir.resolve(CA_FILE))) {
      throw new KindlingException(dir.resolve(CA_FILE) + " already exists: use another directory, or delete it");
    }
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=" + caName, "-ext", "bc:c", "-validity", String.valueOf(validityDays), "-keystore", CA_FILE,
        "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", CA_FILE, "-storepass", password, "-file",
        "ca.pem");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", TRUSTSTORE_FILE,
        "-storetype", "PKCS12", "-storepass", password);
  }

  /**
   * Creates {@code NAME.p12} with a key pair and a certificate for {@code name} signed by the CA (subject
   * alternative names: the name, localhost and 127.0.0.1); returns its path.
   */
  public Path createNode(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
      throw new KindlingException("Node names may hold letters, digits, dots and dashes: '" + name + "'");
    }
    String store = name + ".p12";
    if (Files.exists(dir.resolve(store))) {
      throw new KindlingException(dir.resolve(store) + " already exists");
    }
    keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", String.valueOf(validityDays), "-keystore", store, "-storetype", "PKCS12", "-storepass",
        password, "-keypass", password);
    keytool("-certreq", "-alias", "node", "-keystore", store, "-storepass", password, "-file", name + ".csr");
    keytool("-gencert", "-alias", "ca", "-keystore", CA_FILE, "-storepass", password, "-infile", name + ".csr",
        "-outfile", name + ".pem", "-rfc", "-validity", String.valueOf(validityDays),
        "-ext", "ku:c=digitalSignature,keyEncipherment,keyAgreement", "-ext", "eku=serverAuth,clientAuth",
        "-ext", "san=dns:" + name + ",dns:localhost,ip:127.0.0.1");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store, "-storepass",
        password);
    keytool("-importcert", "-alias", "node", "-file", name + ".pem", "-keystore", store, "-storepass", password);
    try {
      Files.deleteIfExists(dir.resolve(name + ".csr"));
    } catch (IOException e) {
      // a leftover request is harmless
    }
    return dir.resolve(store);
  }

  /** Adds another CA's certificate (PEM) to the truststore, under {@code alias}. */
  public void trust(String alias, Path caCertificate) {
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", caCertificate.toAbsolutePath().toString(),
        "-keystore", TRUSTSTORE_FILE, "-storepass", password);
  }

  /** The CA's certificate, PEM. */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  public Path truststore() {
    return dir.resolve(TRUSTSTORE_FILE);
  }

  private void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new KindlingException("keytool " + args[0] + " did not finish within 120 s");
      }
      if (p.exitValue() != 0) {
        throw new KindlingException("keytool " + args[0] + " failed (status " + p.exitValue() + "): "
            + output.strip());
      }
    } catch (IOException e) {
      throw new KindlingException("Could not run keytool from " + command.get(0) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted while running keytool", e);
    }
  }
}
