package io.kindling.engine.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemAdapterTest {
  @TempDir
  Path dir;

  private final FileSystemAdapter fs = FileSystemAdapters.forPath("/");

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void localPaths_andFileUris_getTheLocalAdapter() {
    assertThat(fs).isSameAs(LocalFileSystemAdapter.INSTANCE);
    assertThat(FileSystemAdapters.forPath("file:/tmp")).isSameAs(LocalFileSystemAdapter.INSTANCE);
    assertThat(FileSystemAdapters.supports("/x")).isTrue();
  }

  @Test
  void unknownScheme_failsNamingIt() {
    assertThatThrownBy(() -> FileSystemAdapters.forPath("s3://bucket/x"))
        .isInstanceOf(KindlingException.class).hasMessageContaining("No file system for scheme 's3'");
    assertThat(FileSystemAdapters.supports("s3://bucket/x")).isFalse();
  }

  @Test
  void createReadSeekListRenameDelete() throws IOException {
    assertThat(fs.mkdir(p("d"))).isTrue();
    assertThat(fs.mkdir(p("d"))).isFalse();
    assertThatThrownBy(() -> fs.mkdir(p("x/y"))).isInstanceOf(IOException.class);
    try (OutputStream out = fs.create(p("d/f"), false)) {
      out.write("0123456789".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> fs.create(p("d/f"), false)).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> fs.create(p("gone/f"), true)).isInstanceOf(IOException.class);

    assertThat(fs.status(p("d/f")).orElseThrow().length()).isEqualTo(10);
    assertThat(fs.status(p("d")).orElseThrow().directory()).isTrue();
    assertThat(fs.status(p("none"))).isEmpty();
    assertThat(fs.list(p("d"))).extracting(FileInfo::name).containsExactly("f");
    assertThat(fs.glob(dir + "/*/f")).extracting(FileInfo::path).containsExactly(p("d/f"));
    try (SeekableInput in = fs.openSeekable(p("d/f"))) {
      in.seek(7);
      assertThat(in.read()).isEqualTo('7');
      assertThat(in.position()).isEqualTo(8);
      assertThat(in.length()).isEqualTo(10);
    }
    assertThat(fs.hosts(p("d/f"), 0, 10)).isEmpty();

    fs.mkdirs(p("e/f/g"));
    assertThatThrownBy(() -> fs.rename(p("d"), p("e"))).isInstanceOf(FileAlreadyExistsException.class);
    fs.rename(p("d"), p("moved"));
    Files.writeString(dir.resolve("other"), "x");
    fs.renameReplacing(p("other"), p("moved/f"));
    assertThat(Files.readString(dir.resolve("moved/f"))).isEqualTo("x");
    assertThat(fs.delete(p("e"), true)).isTrue();
    assertThat(fs.delete(p("e"), true)).isFalse();
  }
}
