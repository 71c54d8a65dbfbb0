package io.kindling.engine.sink;

import io.kindling.KindlingException;
import io.kindling.engine.source.InputPaths;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.TextOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A text output directory committed atomically: parts are written into a hidden temporary directory beside the
 * target (each attempt to its own file, renamed when complete), and {@link #commit()} renames the directory
 * into place. A failure leaves the target path untouched.
 */
public final class AtomicTextOutput implements TextOutput {
  private static final System.Logger LOG = System.getLogger(AtomicTextOutput.class.getName());
  private static final int ABORT_ATTEMPTS = 10;

  private final Path target;
  private final Path temporary;

  private AtomicTextOutput(Path target, Path temporary) {
    this.target = target;
    this.temporary = temporary;
  }

  /** Checks that {@code path} does not exist and makes the temporary directory beside it. */
  public static AtomicTextOutput create(String path) {
    Path target = InputPaths.toPath(path);
    if (Files.exists(target)) {
      throw new KindlingException("Output directory " + InputPaths.uri(target) + " already exists");
    }
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
      Path temporary = parent.resolve("." + target.getFileName() + ".kindling-" + UUID.randomUUID() + ".tmp");
      Files.createDirectory(temporary);
      return new AtomicTextOutput(target, temporary);
    } catch (IOException e) {
      throw new KindlingException("Could not prepare output directory " + InputPaths.uri(target) + ": " + e, e);
    }
  }

  @Override
  public PartitionFunction<Object, Long> partWriter() {
    String dir = temporary.toString();
    return (context, records) -> {
      Path folder = Path.of(dir);
      String name = String.format("part-%05d", context.partitionId());
      Path attemptFile = folder.resolve("." + name + ".attempt-" + context.attemptNumber());
      long lines = 0;
      try (BufferedWriter out = Files.newBufferedWriter(attemptFile, StandardCharsets.UTF_8)) {
        while (records.hasNext()) {
          out.write(String.valueOf(records.next()));
          out.write('\n');
          lines++;
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(attemptFile);
        throw e;
      }
      Files.move(attemptFile, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return lines;
    };
  }

  @Override
  public void commit() {
    try {
      deleteLeftoverAttempts();
      Files.createFile(temporary.resolve("_SUCCESS"));
      // A rename onto an existing empty directory would replace it, and onto a full one fails obscurely.
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
    } catch (FileAlreadyExistsException e) {
      abort();
      throw new KindlingException("Output directory " + InputPaths.uri(target)
          + " already exists (it appeared while the job ran)", e);
    } catch (IOException e) {
      abort();
      throw new KindlingException("Could not commit output to " + InputPaths.uri(target) + ": " + e, e);
    }
  }

  @Override
  public void abort() {
    // Tasks of a failed job may still be running and create files while the directory is deleted: try again,
    // and never let cleanup hide the failure that caused it.
    for (int attempt = 1; ; attempt++) {
      try {
        deleteRecursively(temporary);
        return;
      } catch (UncheckedIOException e) {
        if (attempt == ABORT_ATTEMPTS) {
          LOG.log(System.Logger.Level.WARNING, "Could not remove the temporary output " + temporary, e);
          return;
        }
        Thread.onSpinWait();
      }
    }
  }

  private void deleteLeftoverAttempts() throws IOException {
    try (Stream<Path> files = Files.list(temporary)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith(".part-")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + root, e);
    }
  }
}
