package io.kindling.hadoop.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.SeekableInput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hdfs:// adapter against a real (mini) HDFS. */
@Tag("hdfs")
class HdfsFileSystemAdapterTest {
  @TempDir
  static Path base;
  static HdfsCluster hdfs;
  static FileSystemAdapter fs;

  @BeforeAll
  static void start() throws Exception {
    hdfs = new HdfsCluster(base, 2);
    fs = FileSystemAdapters.forPath(hdfs.uri() + "/");
  }

  @AfterAll
  static void stop() {
    hdfs.close();
  }

  private static String path(String p) {
    return hdfs.uri() + p;
  }

  @Test
  void adapter_isFoundForTheScheme() {
    assertThat(fs).isInstanceOf(HdfsFileSystemAdapter.class);
    assertThat(fs.scheme()).isEqualTo("hdfs");
  }

  @Test
  void createListReadSeekRenameDelete() throws Exception {
    fs.mkdirs(path("/a/b"));
    try (OutputStream out = fs.create(path("/a/b/f.txt"), false)) {
      out.write("hello hdfs".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> fs.create(path("/a/b/f.txt"), false)).isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> fs.create(path("/missing/f.txt"), true)).isInstanceOf(java.io.IOException.class);

    FileInfo f = fs.status(path("/a/b/f.txt")).orElseThrow();
    assertThat(f.length()).isEqualTo(10);
    assertThat(f.directory()).isFalse();
    assertThat(f.blockSize()).isPositive();
    assertThat(fs.status(path("/a/none"))).isEmpty();
    assertThat(fs.list(path("/a"))).extracting(FileInfo::name).containsExactly("b");
    assertThat(fs.glob(path("/a/*/*.txt"))).extracting(FileInfo::name).containsExactly("f.txt");

    try (SeekableInput in = fs.openSeekable(path("/a/b/f.txt"))) {
      in.seek(6);
      byte[] b = new byte[4];
      in.readFully(b, 0, 4);
      assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("hdfs");
      assertThat(in.position()).isEqualTo(10);
      assertThat(in.length()).isEqualTo(10);
    }

    assertThat(fs.mkdir(path("/a/b"))).isFalse();
    assertThat(fs.mkdir(path("/a/c"))).isTrue();
    assertThatThrownBy(() -> fs.mkdir(path("/x/y"))).isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> fs.rename(path("/a/c"), path("/a/b"))).isInstanceOf(FileAlreadyExistsException.class);
    fs.rename(path("/a/c"), path("/a/d"));
    try (OutputStream out = fs.create(path("/a/d/g.txt"), false)) {
      out.write('x');
    }
    fs.renameReplacing(path("/a/d/g.txt"), path("/a/b/f.txt"));
    assertThat(fs.status(path("/a/b/f.txt")).orElseThrow().length()).isEqualTo(1);

    assertThat(fs.delete(path("/a"), true)).isTrue();
    assertThat(fs.exists(path("/a"))).isFalse();
    assertThat(fs.delete(path("/a"), true)).isFalse();
  }

  @Test
  void hosts_areTheDatanodesHoldingTheBytes() throws Exception {
    hdfs.writeText("/blocks.txt", "x".repeat(3 * 1024 * 1024), (short) 2);

    List<String> hosts = fs.hosts(path("/blocks.txt"), 1024 * 1024, 1024 * 1024);

    assertThat(hosts).isNotEmpty().allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost"));
  }
}
