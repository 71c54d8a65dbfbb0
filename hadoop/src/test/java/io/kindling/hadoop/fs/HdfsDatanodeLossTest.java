package io.kindling.hadoop.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datanode dies while a job reads a file from it; HDFS replication still gives every line. Three datanodes;
 * every block of the file is stored on the first two (favored nodes, replication 2), and the first of them is
 * stopped by the first task once it has read its first line. Every later read of a block finds the dead replica
 * first half of the time (the namenode orders equally near replicas at random) and must fail over to the
 * surviving one: with ten or more blocks, each read by its own task, a run that never meets the dead node is
 * under one in five hundred, and the answer must be right either way.
 */
@Tag("hdfs")
class HdfsDatanodeLossTest {
  private static final int LINES = 800_000;

  @TempDir
  static Path base;
  static HdfsCluster hdfs;

  @BeforeAll
  static void start() throws Exception {
    hdfs = new HdfsCluster(base, 3);
  }

  @AfterAll
  static void stop() {
    hdfs.close();
  }

  /** Stops a datanode once, from inside a task (tasks run in this JVM in local mode). */
  static final class Killer {
    static final AtomicBoolean FIRED = new AtomicBoolean();
    static volatile int victim = -1;

    static void fire() {
      if (FIRED.compareAndSet(false, true)) {
        hdfs.mini().stopDataNode(victim);
      }
    }
  }

  @Test
  void datanodeKilledMidRead_jobStillReadsEveryLine() throws Exception {
    DistributedFileSystem fs = (DistributedFileSystem) hdfs.fileSystem();
    InetSocketAddress[] favored = {hdfs.mini().getDataNodes().get(0).getXferAddress(),
        hdfs.mini().getDataNodes().get(1).getXferAddress()};
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/replicated/lines.txt");
    String text = IntStream.range(0, LINES).mapToObj(i -> "record-" + i).collect(Collectors.joining("\n", "", "\n"));
    try (OutputStream out = fs.create(file, FsPermission.getFileDefault(), true, 64 * 1024, (short) 2,
        1024 * 1024, null, favored)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    BlockLocation[] blocks = fs.getFileBlockLocations(file, 0, Long.MAX_VALUE);
    assertThat(blocks.length).isGreaterThanOrEqualTo(10);
    String victimAddress = favored[0].getAddress().getHostAddress() + ":" + favored[0].getPort();
    for (BlockLocation b : blocks) {
      assertThat(b.getNames()).as("every block has a replica on the datanode to be killed").contains(victimAddress);
    }
    Killer.victim = 0;

    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      RDD<String> lines = s.textFile(hdfs.uri() + "/replicated/lines.txt").map(line -> {
        Killer.fire();
        return line;
      });

      long sum = lines.map(l -> Long.parseLong(l.substring("record-".length()))).reduce(Long::sum);

      assertThat(Killer.FIRED).isTrue();
      assertThat(hdfs.mini().getDataNodes()).hasSize(2);
      assertThat(sum).isEqualTo((long) LINES * (LINES - 1) / 2);
      assertThat(s.textFile(hdfs.uri() + "/replicated/lines.txt").count()).isEqualTo(LINES);
    }
  }
}
