package io.kindling.engine.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FsPathsTest {

  @Test
  void scheme_ofLocalAndUriPaths() {
    assertThat(FsPaths.scheme("/data/x")).isEqualTo("file");
    assertThat(FsPaths.scheme("relative/x")).isEqualTo("file");
    assertThat(FsPaths.scheme("file:/data/x")).isEqualTo("file");
    assertThat(FsPaths.scheme("HDFS://nn:8020/x")).isEqualTo("hdfs");
    assertThat(FsPaths.isLocal("C:\\data")).isTrue();
    assertThat(FsPaths.isLocal("hdfs:///x")).isFalse();
  }

  @Test
  void parentAndName_keepSchemeAndAuthority() {
    assertThat(FsPaths.parent("hdfs://nn:8020/a/b")).isEqualTo("hdfs://nn:8020/a");
    assertThat(FsPaths.parent("hdfs://nn:8020/a")).isEqualTo("hdfs://nn:8020/");
    assertThat(FsPaths.parent("hdfs://nn:8020/a/b/")).isEqualTo("hdfs://nn:8020/a");
    assertThat(FsPaths.parent("/a/b")).isEqualTo("/a");
    assertThat(FsPaths.parent("/a")).isEqualTo("/");
    assertThat(FsPaths.parent("file:/a/b")).isEqualTo("file:/a");
    assertThat(FsPaths.parent("a")).isEqualTo(".");
    assertThat(FsPaths.name("hdfs://nn:8020/a/b.txt")).isEqualTo("b.txt");
    assertThat(FsPaths.name("/a/b/")).isEqualTo("b");
  }

  @Test
  void join_addsOneSlash() {
    assertThat(FsPaths.join("hdfs://nn:8020/a", "b")).isEqualTo("hdfs://nn:8020/a/b");
    assertThat(FsPaths.join("hdfs://nn:8020/", "b")).isEqualTo("hdfs://nn:8020/b");
    assertThat(FsPaths.stripTrailingSlash("hdfs://nn:8020/a//")).isEqualTo("hdfs://nn:8020/a");
    assertThat(FsPaths.stripTrailingSlash("/")).isEqualTo("/");
  }
}
