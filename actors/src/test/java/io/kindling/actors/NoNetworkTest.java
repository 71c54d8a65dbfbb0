package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process of ours tries to reach the network: Chronicle's usage analytics and announcer are off. Chronicle
 * keeps its analytics state under {@code user.home}; a shuffle run with an empty home must leave it empty.
 */
class NoNetworkTest {

  @Test
  void shuffle_withEmptyUserHome_leavesNoChronicleAnalyticsFiles(@TempDir Path home, @TempDir Path tmp)
      throws Exception {
    ForkedJvm.Result r = ForkedJvm.run(LargeShuffleMain.class,
        List.of("-Xmx256m", "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp),
        List.of("small", "2000"), Duration.ofMinutes(3));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(Long.parseLong(r.value("shuffleBytes"))).as("a shuffle ran (so Chronicle was loaded)")
        .isPositive();
    assertThat(r.output()).doesNotContainIgnoringCase("analytics").doesNotContainIgnoringCase("announcer");
    try (Stream<Path> files = Files.walk(home)) {
      List<Path> written = files.filter(p -> !p.equals(home)).toList();
      assertThat(written).as("Chronicle analytics state under user.home")
          .noneMatch(p -> p.toString().toLowerCase(java.util.Locale.ROOT).contains("chronicle"));
      // JNA (loaded by Chronicle's thread-affinity library) makes its empty cache directory ~/.cache/JNA/temp;
      // that is all, and no file is written.
      assertThat(written).as("files under user.home").allMatch(Files::isDirectory)
          .allMatch(p -> home.relativize(p).toString().startsWith(".cache"));
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).as("the session's work directory is gone").isEmpty();
    }
  }
}
