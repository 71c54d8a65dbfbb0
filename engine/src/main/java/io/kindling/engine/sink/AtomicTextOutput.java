package io.kindling.engine.sink;

import io.kindling.KindlingException;
import io.kindling.engine.format.output.OutputDirectory;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.format.output.SaveMode;
import io.kindling.engine.source.InputPaths;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.TextOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The output of {@code saveAsTextFile}: an {@link OutputDirectory} (atomic commit) whose tasks write one
 * {@code part-NNNNN} file each, one {@code toString()} a line. The target must not exist. Local paths and, with
 * kindling-hadoop, {@code hdfs://} ones.
 */
public final class AtomicTextOutput implements TextOutput {
  private final OutputDirectory directory;

  private AtomicTextOutput(OutputDirectory directory) {
    this.directory = directory;
  }

  /** Checks that {@code path} does not exist and makes the temporary directory beside it. */
  public static AtomicTextOutput create(String path) {
    String target = FsPaths.isLocal(path) ? InputPaths.toPath(path).toString() : path;
    boolean exists;
    try {
      exists = FileSystemAdapters.forPath(target).exists(target);
    } catch (IOException e) {
      throw new KindlingException("Could not check output directory " + InputPaths.uri(target) + ": " + e, e);
    }
    if (exists) {
      throw new KindlingException("Output directory " + InputPaths.uri(target) + " already exists");
    }
    return new AtomicTextOutput(OutputDirectory.prepare(path, SaveMode.ERROR_IF_EXISTS).orElseThrow());
  }

  @Override
  public PartitionFunction<Object, Long> partWriter() {
    OutputDirectory dir = directory;
    return (context, records) -> {
      try (OutputDirectory.TaskOutput task = dir.task(context.partitionId(), context.attemptNumber())) {
        long lines = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
            task.open("", String.format("part-%05d", context.partitionId())), StandardCharsets.UTF_8))) {
          while (records.hasNext()) {
            out.write(String.valueOf(records.next()));
            out.write('\n');
            lines++;
          }
        }
        task.commitTask();
        return lines;
      }
    };
  }

  @Override
  public void commit() {
    directory.commit();
  }

  @Override
  public void abort() {
    directory.abort();
  }
}
