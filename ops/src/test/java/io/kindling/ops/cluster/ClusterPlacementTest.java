package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.rdd.RDD;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Placement on real workers, each on a loopback address of its own: partitions whose input names a host run on
 * the worker there, and the default parallelism counts the workers' cores.
 */
@Tag("cluster")
class ClusterPlacementTest {
  private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
  private static final int CORES = 2;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void partitionsRunOnTheWorkerHoldingTheirInput_andDefaultParallelismCountsWorkerCores() {
    cluster = LocalCluster.start("placement", 1, Map.of(), CORES);
    cluster.startWorkerOn(HOSTS.get(1));
    cluster.startWorkerOn(HOSTS.get(2));
    cluster.awaitUpWorkers(HOSTS.size());
    Map<String, Long> pidOfHost = new HashMap<>();
    for (LocalCluster.Worker w : cluster.workers()) {
      pidOfHost.put(w.address().host(), w.process().pid());
    }
    List<String> inputHosts = IntStream.range(0, 9).mapToObj(p -> HOSTS.get((p * 7) % 3)).toList();

    try (KindlingSession session = cluster.session("placement", HOSTS.size()).create()) {
      assertThat(session.defaultParallelism()).isEqualTo(HOSTS.size() * CORES);
      assertThat(session.parallelize(IntStream.range(0, 100).boxed().toList()).getNumPartitions())
          .isEqualTo(HOSTS.size() * CORES);

      // Partition p names inputHosts[p] as holding it, as a DataFrame file scan names its splits' HDFS hosts.
      RDD<Integer> hosted = new RDD<>(session.internalContext(), new ParallelCollectionNode<>(
          session.internalContext().nextNodeId(), "hosted at ClusterPlacementTest.java:1",
          IntStream.range(0, inputHosts.size()).boxed().toList(), inputHosts.size(),
          slice -> List.of(inputHosts.get(slice.get(0)))));
      for (String ran : hosted.map(p -> p + "@" + ProcessHandle.current().pid()).collect()) {
        int partition = Integer.parseInt(ran.substring(0, ran.indexOf('@')));
        long pid = Long.parseLong(ran.substring(ran.indexOf('@') + 1));
        assertThat(pid).as("partition %d, stored on %s, ran on the worker there", partition,
            inputHosts.get(partition)).isEqualTo(pidOfHost.get(inputHosts.get(partition)));
      }
    }
  }
}
