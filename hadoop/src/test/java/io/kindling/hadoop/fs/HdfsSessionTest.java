package io.kindling.hadoop.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RowCollector;
import io.kindling.engine.format.csv.CsvOptions;
import io.kindling.engine.format.csv.CsvReader;
import io.kindling.engine.format.csv.CsvSchemaInference;
import io.kindling.engine.format.json.JsonOptions;
import io.kindling.engine.format.json.JsonReader;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.FileSplitter;
import io.kindling.engine.source.InputPaths;
import io.kindling.hadoop.parquet.HdfsParquet;
import io.kindling.sql.types.StructType;
import io.kindling.rdd.RDD;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions reading, writing and checkpointing on a real (mini) HDFS through hdfs:// paths. */
@Tag("hdfs")
class HdfsSessionTest {
  @TempDir
  static Path base;
  static HdfsCluster hdfs;

  @BeforeAll
  static void start() throws Exception {
    hdfs = new HdfsCluster(base, 2);
  }

  @AfterAll
  static void stop() {
    hdfs.close();
  }

  private static KindlingSession session() {
    return KindlingSession.builder().master("local[2]").create();
  }

  private static String lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @Test
  void textFile_multiBlockFile_readsEveryLineOnceWithBlockHostsAsHints() throws Exception {
    int n = 300_000;
    hdfs.writeText("/text/big.txt", lines(0, n), (short) 2);
    try (KindlingSession s = session()) {
      RDD<String> text = s.textFile(hdfs.uri() + "/text/big.txt");

      // About 3.6 MB in 1 MiB blocks: splits are capped at the block size, as Hadoop cuts them.
      int blocks = hdfs.fileSystem().getFileBlockLocations(new org.apache.hadoop.fs.Path("/text/big.txt"), 0,
          Long.MAX_VALUE).length;
      assertThat(blocks).isEqualTo(4);
      assertThat(text.getNumPartitions()).isEqualTo(blocks);
      assertThat(text.lineage().preferredLocations(0)).isNotEmpty()
          .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost"));
      assertThat(text.count()).isEqualTo(n);
      long sum = text.map(l -> Long.parseLong(l.substring(5))).reduce(Long::sum);
      assertThat(sum).isEqualTo((long) n * (n - 1) / 2);
    }
  }

  @Test
  void textFile_directoriesGlobsAndMissingPaths_asForLocalFiles() throws Exception {
    hdfs.writeText("/dir/a.txt", lines(0, 3), (short) 1);
    hdfs.writeText("/dir/b.txt", lines(3, 5), (short) 1);
    hdfs.writeText("/dir/_SUCCESS", "", (short) 1);
    try (KindlingSession s = session()) {
      assertThat(s.textFile(hdfs.uri() + "/dir").collect()).containsExactly("line 0", "line 1", "line 2",
          "line 3", "line 4");
      assertThat(s.textFile(hdfs.uri() + "/d*/b.txt").collect()).containsExactly("line 3", "line 4");
      assertThatThrownBy(() -> s.textFile(hdfs.uri() + "/nowhere").count())
          .hasStackTraceContaining("Input path does not exist: " + hdfs.uri() + "/nowhere");
    }
  }

  @Test
  void saveAsTextFile_onHdfs_commitsPartFilesAndSuccessAtomically() throws Exception {
    String out = hdfs.uri() + "/out/numbers";
    try (KindlingSession s = session()) {
      s.parallelize(IntStream.range(0, 1000).boxed().toList(), 3).saveAsTextFile(out);

      FileSystem fs = hdfs.fileSystem();
      List<String> names = java.util.Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path("/out/numbers")))
          .map(FileStatus::getPath).map(org.apache.hadoop.fs.Path::getName).sorted().toList();
      assertThat(names).containsExactly("_SUCCESS", "part-00000", "part-00001", "part-00002");
      assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/out"))).hasSize(1);
      assertThat(s.textFile(out).map(Integer::parseInt).collect())
          .containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
      assertThatThrownBy(() -> s.parallelize(List.of(1)).saveAsTextFile(out))
          .isInstanceOf(KindlingException.class).hasMessageContaining("already exists");
    }
  }

  @Test
  void saveAsTextFile_failingJob_leavesNothingOnHdfs() throws Exception {
    String out = hdfs.uri() + "/failed/out";
    try (KindlingSession s = KindlingSession.builder().master("local[2]").config("kindling.task.max-attempts", 1)
        .create()) {
      assertThatThrownBy(() -> s.parallelize(IntStream.range(0, 100).boxed().toList(), 4).map(i -> {
        if (i == 77) {
          throw new IllegalStateException("boom");
        }
        return i;
      }).saveAsTextFile(out)).hasStackTraceContaining("boom");
    }
    FileSystem fs = hdfs.fileSystem();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/failed/out"))).isFalse();
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/failed"))).isEmpty();
  }

  @Test
  void checkpoint_toHdfs_cutsLineageAndReloadsInANewSession() throws Exception {
    String dir;
    List<Tuple2<Integer, Integer>> expected;
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.checkpoint.dir", hdfs.uri() + "/checkpoints").create()) {
      var sums = s.parallelize(IntStream.range(0, 500).boxed().toList(), 4)
          .mapToPair(i -> Tuple2.of(i % 7, i)).reduceByKey(Integer::sum, 3);
      sums.checkpoint();
      expected = sums.collect();

      assertThat(sums.isCheckpointed()).isTrue();
      dir = sums.getCheckpointFile().orElseThrow();
      assertThat(dir).startsWith(hdfs.uri() + "/checkpoints/");
      assertThat(sums.toDebugString()).contains("ReliableCheckpointRDD").doesNotContain("ParallelCollectionRDD");
      assertThat(sums.collect()).containsExactlyElementsOf(expected);
      assertThat(hdfs.fileSystem().exists(new org.apache.hadoop.fs.Path(
          new java.net.URI(dir).getPath() + "/_metadata"))).isTrue();
    }
    try (KindlingSession restarted = session()) {
      RDD<Tuple2<Integer, Integer>> reloaded = restarted.readCheckpoint(dir);

      assertThat(reloaded.getNumPartitions()).isEqualTo(3);
      assertThat(reloaded.lineage().partitioner()).isPresent();
      assertThat(reloaded.lineage().preferredLocations(1)).isNotEmpty()
          .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost"));
      assertThat(reloaded.collect()).containsExactlyElementsOf(expected);
      assertThatThrownBy(() -> restarted.readCheckpoint(hdfs.uri() + "/checkpoints"))
          .isInstanceOf(KindlingException.class).hasMessageContaining("_metadata is missing");
    }
  }

  @Test
  void parquetDirectory_partitionedOnHdfs_writesAndReadsBack() throws Exception {
    String out = hdfs.uri() + "/parquet/sales";
    FormatOptions options = FormatOptions.of();
    HdfsParquet.write(out, options);

    FileSystem fs = hdfs.fileSystem();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/parquet/sales/_SUCCESS"))).isTrue();
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/parquet/sales")))
        .extracting(st -> st.getPath().getName()).contains("region=north", "region=south");
    assertThat(HdfsParquet.readSortedIds(out, options)).containsExactlyElementsOf(IntStream.range(0, 60).boxed()
        .toList());
  }

  @Test
  void csvAndJsonReaders_readSplitsOfHdfsFiles() throws Exception {
    StringBuilder csv = new StringBuilder("id,name\n");
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      csv.append(i).append(",name-").append(i).append('\n');
      json.append("{\"id\":").append(i).append(",\"name\":\"name-").append(i).append("\"}\n");
    }
    hdfs.writeText("/formats/data.csv", csv.toString(), (short) 2);
    hdfs.writeText("/formats/data.json", json.toString(), (short) 2);
    StructType schema = StructType.fromDDL("id INT, name STRING");

    List<io.kindling.engine.fs.FileInfo> csvFiles = InputPaths.expandFiles(hdfs.uri() + "/formats/*.csv");
    CsvOptions csvOptions = CsvOptions.from(FormatOptions.of("header", "true"));
    assertThat(new CsvSchemaInference(csvOptions).firstRecordOfFiles(csvFiles).fields()).containsExactly("id",
        "name");
    RowCollector csvRows = new RowCollector(2);
    List<FileSplit> csvSplits = FileSplitter.splitFiles(csvFiles, 4, 32 << 20);
    assertThat(csvSplits).hasSizeGreaterThan(1);
    for (FileSplit split : csvSplits) {
      new CsvReader(csvOptions, schema, schema).read(split, csvRows);
    }

    RowCollector jsonRows = new RowCollector(2);
    for (FileSplit split : FileSplitter.splitFiles(InputPaths.expandFiles(hdfs.uri() + "/formats/data.json"), 3,
        32 << 20)) {
      new JsonReader(JsonOptions.from(FormatOptions.of()), schema, schema).read(split, jsonRows);
    }

    for (RowCollector rows : List.of(csvRows, jsonRows)) {
      assertThat(rows.rows()).hasSize(50_000);
      assertThat(rows.rows().stream().mapToLong(r -> (Integer) r[0]).sum()).isEqualTo(50_000L * 49_999 / 2);
      assertThat(rows.rows().get(123)[1]).isEqualTo("name-" + rows.rows().get(123)[0]);
    }
  }
}
