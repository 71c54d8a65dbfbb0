package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.ops.aeron.SharedMediaDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Three workers over Artery on Aeron UDP, all JVMs sharing one media driver (here, the test JVM's). */
@Tag("cluster")
class AeronClusterTest {
  private static final int WORKERS = 3;

  private static SharedMediaDriver mediaDriver;
  private static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    Path dir = parent.resolve("kindling-aeron-test-" + ProcessHandle.current().pid());
    mediaDriver = SharedMediaDriver.launch(dir, SharedMediaDriver.Tuning.LOOPBACK);
    cluster = LocalCluster.start("aeron", WORKERS, Map.of(
        "kindling.cluster.transport", "aeron-udp",
        "kindling.cluster.aeron.media-driver", "shared",
        "kindling.cluster.aeron.dir", mediaDriver.directory()));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (mediaDriver != null) {
      mediaDriver.close();
    }
  }

  @Test
  void wordCountJoinAndCachedIterativeJob_overAeron_equalLocalMode() {
    List<String> lines = Workloads.lines(19L, 1_500);
    try (KindlingSession local = KindlingSession.builder().master("local[2]").create();
        KindlingSession session = cluster.session("aeron-shuffle", WORKERS).create()) {
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(Workloads.wordCount(local, lines, 6));
      assertThat(Workloads.join(session, 5)).isEqualTo(Workloads.join(local, 5));
      assertThat(Workloads.cachedIterative(session, 6)).isEqualTo(Workloads.cachedIterative(local, 6));
    }
  }

  @Test
  void wordCountAndReduce_overAeron_equalLocalMode() {
    List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "w" + (i % 13) + " w" + (i % 7) + " x")
        .collect(Collectors.toList());
    List<Integer> numbers = IntStream.rangeClosed(1, 5_000).boxed().collect(Collectors.toList());
    Map<String, Long> localCounts;
    int localSum;
    try (KindlingSession local = KindlingSession.builder().master("local[2]").create()) {
      localCounts = local.parallelize(lines, 6).flatMap(l -> Arrays.asList(l.split(" ")).iterator())
          .countByValue();
      localSum = local.parallelize(numbers, 6).map(x -> x % 1000).reduce(Integer::sum);
    }
    try (KindlingSession session = cluster.session("aeron-test", WORKERS).create()) {
      assertThat(session.parallelize(lines, 6).flatMap(l -> Arrays.asList(l.split(" ")).iterator())
          .countByValue()).isEqualTo(localCounts);
      assertThat(session.parallelize(numbers, 6).map(x -> x % 1000).reduce(Integer::sum)).isEqualTo(localSum);
      assertThat(session.parallelize(numbers, 6).map(x -> ProcessHandle.current().pid()).collect().stream()
          .distinct().count()).isEqualTo(WORKERS);
    }
  }
}
