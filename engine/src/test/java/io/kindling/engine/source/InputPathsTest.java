package io.kindling.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {
  @TempDir
  Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("logs/2024"));
    Files.createDirectories(dir.resolve("logs/2025"));
    for (String f : List.of("a.txt", "b.txt", "c.csv", "_SUCCESS", ".hidden.txt", "logs/2024/x.log",
        "logs/2024/y.log", "logs/2025/z.log", "logs/2025/.crc")) {
      Files.writeString(dir.resolve(f), f);
    }
  }

  private List<String> names(String expression) {
    return InputPaths.expand(expression).stream().map(p -> dir.relativize(p).toString()).toList();
  }

  @Test
  void expand_file_isThatFile() {
    assertThat(names(dir.resolve("a.txt").toString())).containsExactly("a.txt");
  }

  @Test
  void expand_directory_givesVisibleFilesSortedByName() throws IOException {
    Path d = Files.createDirectory(dir.resolve("flat"));
    for (String f : List.of("b", "a", "_temporary", ".part-0.crc", "c")) {
      Files.writeString(d.resolve(f), f);
    }
    assertThat(names(d.toString())).containsExactly("flat/a", "flat/b", "flat/c");
  }

  @Test
  void expand_directoryWithSubdirectory_failsNamingIt() {
    assertThatThrownBy(() -> InputPaths.expand(dir.resolve("logs").toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("Not a file: file:" + dir.resolve("logs/2024"));
  }

  @Test
  void expand_emptyDirectory_givesNoFiles() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(InputPaths.expand(empty.toString())).isEmpty();
  }

  @Test
  void expand_starGlob_matchesVisibleFilesOnly() {
    assertThat(names(dir.resolve("*.txt").toString())).containsExactly("a.txt", "b.txt");
  }

  @Test
  void expand_questionMarkAndClassGlobs_match() {
    assertThat(names(dir.resolve("?.csv").toString())).containsExactly("c.csv");
    assertThat(names(dir.resolve("[ab].txt").toString())).containsExactly("a.txt", "b.txt");
  }

  @Test
  void expand_braceGlob_matchesEachAlternative() {
    assertThat(names(dir.resolve("{a,c}.*").toString())).containsExactly("a.txt", "c.csv");
  }

  @Test
  void expand_globOverDirectories_listsTheirFilesSkippingHidden() {
    assertThat(names(dir.resolve("logs/*").toString()))
        .containsExactly("logs/2024/x.log", "logs/2024/y.log", "logs/2025/z.log");
  }

  @Test
  void expand_globInMiddleOfPath_matchesEachDirectory() {
    assertThat(names(dir.resolve("logs/*/x.log").toString())).containsExactly("logs/2024/x.log");
    assertThat(names(dir.resolve("logs/202?/*.log").toString()))
        .containsExactly("logs/2024/x.log", "logs/2024/y.log", "logs/2025/z.log");
  }

  @Test
  void expand_commaSeparatedList_keepsEntryOrder() {
    String list = dir.resolve("c.csv") + "," + dir.resolve("*.txt") + " , " + dir.resolve("logs/2025");
    assertThat(names(list)).containsExactly("c.csv", "a.txt", "b.txt", "logs/2025/z.log");
  }

  @Test
  void expand_fileScheme_isAccepted() {
    assertThat(names("file:" + dir.resolve("a.txt"))).containsExactly("a.txt");
    assertThat(names("file://" + dir.resolve("b.txt"))).containsExactly("b.txt");
  }

  @Test
  void expand_missingFile_failsWithThePath() {
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> InputPaths.expand(missing.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessage("Input path does not exist: file:" + missing);
  }

  @Test
  void expand_missingEntryInList_failsWithThatPath() {
    Path missing = dir.resolve("gone/x.txt");
    assertThatThrownBy(() -> InputPaths.expand(dir.resolve("a.txt") + "," + missing))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("file:" + missing);
  }

  @Test
  void expand_globMatchingNothing_failsWithThePattern() {
    Path pattern = dir.resolve("*.parquet");
    assertThatThrownBy(() -> InputPaths.expand(pattern.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessage("Input Pattern file:" + pattern + " matches 0 files");
  }

  @Test
  void expand_globUnderMissingDirectory_failsWithThePattern() {
    Path pattern = dir.resolve("missing/*.txt");
    assertThatThrownBy(() -> InputPaths.expand(pattern.toString()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("file:" + pattern);
  }

  @Test
  void expand_blankExpression_failsClearly() {
    assertThatThrownBy(() -> InputPaths.expand(" , "))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("No input paths");
  }

  @Test
  void expand_otherScheme_failsNamingIt() {
    assertThatThrownBy(() -> InputPaths.expand("s3://bucket/x"))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("s3");
  }

  @Test
  void splitEntries_commaInsideBraces_belongsToTheGlob() {
    assertThat(InputPaths.splitEntries("/a/{x,y}.txt,/b")).containsExactly("/a/{x,y}.txt", "/b");
  }

  @Test
  void isHidden_underscoreAndDotPrefixes() {
    assertThat(InputPaths.isHidden(Path.of("/d/_SUCCESS"))).isTrue();
    assertThat(InputPaths.isHidden(Path.of("/d/.x.crc"))).isTrue();
    assertThat(InputPaths.isHidden(Path.of("/d/part-00000"))).isFalse();
  }
}
