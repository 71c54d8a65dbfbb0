package io.kindling.hadoop.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: a MiniDFSCluster (one namenode, {@code dataNodes} datanodes) in this JVM, every server
 * bound to 127.0.0.1 on free ports, its storage under a temporary directory.
 */
final class HdfsCluster implements AutoCloseable {
  private final MiniDFSCluster cluster;

  HdfsCluster(Path baseDir, int dataNodes) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setInt("dfs.replication", Math.min(3, dataNodes));
    // Small blocks, so that a few megabytes span several blocks (and several splits).
    conf.setLong("dfs.blocksize", 1024 * 1024);
    conf.setInt("dfs.bytes-per-checksum", 512);
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 4096);
    conf.setBoolean("dfs.permissions.enabled", false);
    this.cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(dataNodes).build();
    cluster.waitActive();
  }

  /** {@code hdfs://127.0.0.1:port}, without a trailing slash. */
  String uri() {
    String u = cluster.getURI().toString();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  MiniDFSCluster mini() {
    return cluster;
  }

  /** Writes a text file with {@code replication} copies of each block. */
  void writeText(String path, String text, short replication) throws IOException {
    FileSystem fs = fileSystem();
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (OutputStream out = fs.create(p, true, 64 * 1024, replication, 1024 * 1024)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }
}
