package io.kindling.ops.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.ops.KindlingCli;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {

  private static KeyStore load(Path file, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  @Test
  void certs_makesACaATruststoreAndNodeKeystoresSignedByTheCa(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("certs");
    assertThat(KindlingCli.run("certs", "--out", out.toString(), "--nodes", "node1,node2", "--password",
        "secret-pw")).isZero();

    KeyStore trust = load(out.resolve("truststore.p12"), "secret-pw");
    X509Certificate ca = (X509Certificate) trust.getCertificate("ca");
    assertThat(ca.getSubjectX500Principal().getName()).contains("Kindling Test CA");
    for (String node : new String[] {"node1", "node2"}) {
      KeyStore keys = load(out.resolve(node + ".p12"), "secret-pw");
      assertThat(keys.getKey("node", "secret-pw".toCharArray())).isNotNull();
      Certificate[] chain = keys.getCertificateChain("node");
      X509Certificate leaf = (X509Certificate) chain[0];
      assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + node);
      leaf.verify(ca.getPublicKey());
      assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    }
  }

  @Test
  void certs_intoADirectoryWithACa_refusesToOverwriteIt(@TempDir Path dir) {
    Path out = dir.resolve("certs");
    assertThat(KindlingCli.run("certs", "--out", out.toString())).isZero();
    assertThat(KindlingCli.run("certs", "--out", out.toString())).isNotZero();
  }
}
