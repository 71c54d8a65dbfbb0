package io.kindling.persistence.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingException;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.TaskContext;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files: written per partition, read back by a node with no dependencies, damage detected. */
class FileCheckpointIoTest {
  @TempDir
  Path dir;

  private final FileCheckpointIo io = new FileCheckpointIo();
  private final ParallelCollectionNode<Integer> original = new ParallelCollectionNode<>(1, "parallelize at T:1",
      IntStream.range(0, 100).boxed().collect(Collectors.toList()), 3);

  private void writeAll() throws Exception {
    for (int p = 0; p < 3; p++) {
      TaskContext context = new FixedPartitionContext(p);
      io.writer(dir.toString()).apply(context, new ArrayList<Object>(toList(original.compute(p, null))).iterator());
    }
  }

  private static <T> List<T> toList(java.util.Iterator<T> it) {
    List<T> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }

  @Test
  void writeThenRead_samePartitionsAndElements() throws Exception {
    writeAll();

    var reader = io.reader(9, "count at T:2", dir.toString(), original);

    assertThat(reader.kind()).isEqualTo("ReliableCheckpointRDD");
    assertThat(reader.dependencies()).isEmpty();
    assertThat(reader.numPartitions()).isEqualTo(3);
    for (int p = 0; p < 3; p++) {
      assertThat(toList(reader.compute(p, null))).isEqualTo(toList(original.compute(p, null)));
    }
  }

  @Test
  void reader_missingPart_failsClearly() throws Exception {
    writeAll();
    java.nio.file.Files.delete(Path.of(CheckpointFiles.part(dir.toString(), 2)));

    assertThatThrownBy(() -> io.reader(9, "count at T:2", dir.toString(), original))
        .isInstanceOf(KindlingException.class).hasMessageContaining("part-00002 is missing");
  }

  @Test
  void read_damagedFile_failsClearly() throws Exception {
    writeAll();
    try (RandomAccessFile f = new RandomAccessFile(CheckpointFiles.part(dir.toString(), 1), "rw")) {
      f.seek(f.length() - 1);
      int b = f.read();
      f.seek(f.length() - 1);
      f.write(b ^ 0xFF);
    }
    var reader = io.reader(9, "count at T:2", dir.toString(), original);

    assertThatThrownBy(() -> reader.compute(1, null))
        .isInstanceOf(KindlingException.class).hasMessageContaining("corrupt");
  }

  /** Just enough of a task context for the writer: the partition being written. */
  private record FixedPartitionContext(int partitionId) implements TaskContext {
    @Override
    public long jobId() {
      return 0;
    }

    @Override
    public int stageId() {
      return 0;
    }

    @Override
    public int attemptNumber() {
      return 0;
    }

    @Override
    public <T> java.util.Iterator<T> iterator(io.kindling.internal.lineage.LineageNode<T> node, int partition) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <K, C> java.util.Iterator<io.kindling.Tuple2<K, C>> readShuffle(
        io.kindling.internal.lineage.ShuffleDependency<K, ?, C> dependency, int reducePartition) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onTaskCompletion(AutoCloseable resource) {}

    @Override
    public io.kindling.internal.lineage.AccumulatorUpdates accumulatorUpdates() {
      return new io.kindling.internal.lineage.AccumulatorUpdates();
    }
  }
}
