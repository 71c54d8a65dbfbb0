package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.actors.cluster.WorkerMain;
import io.kindling.ops.certs.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Three workers over Artery TLS with mutual authentication; a member from another CA can't join. */
@Tag("cluster")
class TlsClusterTest {
  private static final int WORKERS = 3;
  private static final String PASSWORD = "kindling-test";

  private static Path dir;
  private static TestCertificates ours;
  private static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kindling-tls");
    ours = new TestCertificates(dir.resolve("ours"), PASSWORD, 2);
    ours.createAuthority("Kindling Test CA");
    Path node = ours.createNode("node");
    cluster = LocalCluster.start("tls", WORKERS, Map.of(
        "kindling.cluster.transport", "tls-tcp",
        "kindling.cluster.tls.key-store", node.toString(),
        "kindling.cluster.tls.key-store-password", PASSWORD,
        "kindling.cluster.tls.trust-store", ours.truststore().toString(),
        "kindling.cluster.tls.trust-store-password", PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void parallelizeMapReduce_overTls_equalsLocalMode() {
    List<Integer> data = IntStream.rangeClosed(1, 5_000).boxed().collect(Collectors.toList());
    long onLocal;
    try (KindlingSession local = KindlingSession.builder().master("local[2]").create()) {
      onLocal = local.parallelize(data, 6).map(x -> (long) x * x).reduce(Long::sum);
    }
    try (KindlingSession session = cluster.session("tls-test", WORKERS).create()) {
      assertThat(session.parallelize(data, 6).map(x -> (long) x * x).reduce(Long::sum)).isEqualTo(onLocal);
      assertThat(session.parallelize(data, 6).map(x -> ProcessHandle.current().pid()).collect().stream().distinct().count())
          .isEqualTo(WORKERS);
    }
  }

  @Test
  void wordCountJoinAndCachedIterativeJob_overTls_equalLocalMode() {
    List<String> lines = Workloads.lines(17L, 1_500);
    try (KindlingSession local = KindlingSession.builder().master("local[2]").create();
        KindlingSession session = cluster.session("tls-shuffle", WORKERS).create()) {
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(Workloads.wordCount(local, lines, 6));
      assertThat(Workloads.join(session, 5)).isEqualTo(Workloads.join(local, 5));
      assertThat(Workloads.cachedIterative(session, 6)).isEqualTo(Workloads.cachedIterative(local, 6));
    }
  }

  @Test
  void workerWithACertificateFromAnotherCa_cannotJoin() {
    TestCertificates theirs = new TestCertificates(dir.resolve("theirs"), PASSWORD, 2);
    theirs.createAuthority("Some Other CA");
    Path rogueStore = theirs.createNode("node");
    theirs.trust("cluster-ca", ours.caCertificate());
    // The rogue trusts both CAs, so only the cluster's check of the rogue's own certificate can keep it out.
    LocalCluster.Worker rogue = cluster.startWorker(Map.of(
        "kindling.cluster.tls.key-store", rogueStore.toString(),
        "kindling.cluster.tls.trust-store", theirs.truststore().toString(),
        "kindling.cluster.join-timeout", "15s"));

    assertThat(cluster.awaitExit(rogue, Duration.ofSeconds(120))).as(cluster.log(rogue))
        .isEqualTo(WorkerMain.EXIT_JOIN_FAILED);
    assertThat(cluster.members()).noneMatch(m -> m.address().equals(rogue.akkaAddress()));
    assertThat(cluster.members()).filteredOn(m -> m.roles().contains("worker")).hasSize(WORKERS);
  }
}
