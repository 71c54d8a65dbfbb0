package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.source.InputPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output directory written by many tasks and committed atomically. Tasks write into a hidden temporary
 * directory beside the target, each file first under an attempt name and renamed when its task succeeds
 * ({@link TaskOutput}); {@link #commit()} removes leftovers of failed attempts, writes {@code _SUCCESS} and puts
 * the result in place according to the {@link SaveMode}: a new target is one rename; OVERWRITE renames the old
 * target aside, renames the new one in, then deletes the old (and restores it if the swap fails); APPEND moves
 * the new files into the existing directory. A failed job ({@link #abort()}) leaves the target as it was.
 * Serializable, so that tasks on other nodes of a shared file system can write into it.
 */
public final class OutputDirectory implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(OutputDirectory.class.getName());
  private static final int ABORT_ATTEMPTS = 10;

  private final String target;
  private final String temporary;
  private final SaveMode mode;
  private final String jobId;

  private OutputDirectory(Path target, Path temporary, SaveMode mode, String jobId) {
    this.target = target.toString();
    this.temporary = temporary.toString();
    this.mode = mode;
    this.jobId = jobId;
  }

  /**
   * Checks the target against the mode and makes the temporary directory. Empty for IGNORE when the target
   * exists (the caller writes nothing). ERROR_IF_EXISTS on an existing path fails with Spark's message.
   */
  public static Optional<OutputDirectory> prepare(String path, SaveMode mode) {
    Path target = InputPaths.toPath(path);
    if (Files.exists(target)) {
      switch (mode) {
        case IGNORE -> {
          return Optional.empty();
        }
        case ERROR_IF_EXISTS -> throw new KindlingException("[PATH_ALREADY_EXISTS] Path " + InputPaths.uri(target)
            + " already exists. Set mode as \"overwrite\" to overwrite the existing path.");
        default -> {
          if (!Files.isDirectory(target) && mode == SaveMode.APPEND) {
            throw new KindlingException("Cannot append to " + InputPaths.uri(target) + ": it is a file, not a "
                + "directory");
          }
        }
      }
    }
    Path parent = target.getParent();
    String jobId = UUID.randomUUID().toString();
    try {
      Files.createDirectories(parent);
      Path temporary = parent.resolve("." + target.getFileName() + ".kindling-" + jobId + ".tmp");
      Files.createDirectory(temporary);
      return Optional.of(new OutputDirectory(target, temporary, mode, jobId));
    } catch (IOException e) {
      throw new KindlingException("Could not prepare output directory " + InputPaths.uri(target) + ": " + e, e);
    }
  }

  /** The id of this write, part of Spark-style file names. */
  public String jobId() {
    return jobId;
  }

  public Path target() {
    return Path.of(target);
  }

  /** Spark's part file name: {@code part-00003-<job uuid>-c000.csv} (extension with its dot). */
  public String partFileName(int partitionId, String extension) {
    return String.format("part-%05d-%s-c000%s", partitionId, jobId, extension);
  }

  /** The files of one task attempt. */
  public TaskOutput task(int partitionId, int attemptNumber) {
    return new TaskOutput(Path.of(temporary), partitionId, attemptNumber);
  }

  /** The files one task attempt writes; {@link #commitTask()} makes them final, {@link #abortTask()} drops them. */
  public static final class TaskOutput implements AutoCloseable {
    private final Path root;
    private final int attempt;
    private final List<Path[]> files = new ArrayList<>();
    private boolean done;

    private TaskOutput(Path root, int partitionId, int attempt) {
      this.root = root;
      this.attempt = attempt;
    }

    /** A new file {@code fileName} in {@code relativeDir} ("" or {@code a=1/b=x}), under an attempt name. */
    public OutputStream open(String relativeDir, String fileName) throws IOException {
      // Creates only the directories below the job's temporary directory: if the job was aborted while this
      // task ran, the temporary directory is gone and must stay gone (opening fails instead).
      Path dir = root;
      if (!relativeDir.isEmpty()) {
        for (Path part : Path.of(relativeDir)) {
          dir = dir.resolve(part.toString());
          try {
            Files.createDirectory(dir);
          } catch (FileAlreadyExistsException e) {
            // made by another task of the job
          }
        }
      }
      Path attemptFile = dir.resolve("." + fileName + ".attempt-" + attempt);
      files.add(new Path[] {attemptFile, dir.resolve(fileName)});
      return Files.newOutputStream(attemptFile);
    }

    /** Renames this attempt's files to their final names (the streams must be closed). */
    public void commitTask() throws IOException {
      for (Path[] f : files) {
        Files.move(f[0], f[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      done = true;
    }

    /** Deletes this attempt's files. */
    public void abortTask() {
      for (Path[] f : files) {
        try {
          Files.deleteIfExists(f[0]);
        } catch (IOException e) {
          // Leftover attempt files are removed at job commit or abort.
        }
      }
      done = true;
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
      if (!done) {
        abortTask();
      }
    }
  }

  /** Puts the output in place (see the class comment). */
  public void commit() {
    Path tmp = Path.of(temporary);
    Path dest = Path.of(target);
    try {
      deleteLeftoverAttempts(tmp);
      Files.createFile(tmp.resolve("_SUCCESS"));
      if (mode == SaveMode.APPEND && Files.isDirectory(dest)) {
        appendInto(tmp, dest);
        deleteRecursively(tmp);
        return;
      }
      if (mode == SaveMode.OVERWRITE && Files.exists(dest)) {
        Path old = dest.resolveSibling("." + dest.getFileName() + ".kindling-" + jobId + ".old");
        move(dest, old);
        try {
          move(tmp, dest);
        } catch (IOException e) {
          move(old, dest);
          throw e;
        }
        deleteRecursively(old);
        return;
      }
      // A rename onto an existing empty directory would replace it, and onto a full one fails obscurely.
      if (Files.exists(dest)) {
        throw new FileAlreadyExistsException(dest.toString());
      }
      move(tmp, dest);
    } catch (FileAlreadyExistsException e) {
      abort();
      throw new KindlingException("[PATH_ALREADY_EXISTS] Path " + InputPaths.uri(dest) + " already exists (it "
          + "appeared while the job ran). Set mode as \"overwrite\" to overwrite the existing path.", e);
    } catch (IOException | UncheckedIOException e) {
      abort();
      throw new KindlingException("Could not commit output to " + InputPaths.uri(dest) + ": " + e, e);
    }
  }

  /** Removes everything written; the target is left as it was. Never throws. */
  public void abort() {
    // Tasks of a failed job may still be running and create files while the directory is deleted: try again,
    // and never let cleanup hide the failure that caused it.
    for (int attempt = 1; ; attempt++) {
      try {
        deleteRecursively(Path.of(temporary));
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

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void appendInto(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path dest = to.resolve(from.relativize(f).toString());
      Files.createDirectories(dest.getParent());
      Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteLeftoverAttempts(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.getFileName().toString().startsWith(".")
          && p.getFileName().toString().contains(".attempt-")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Deletes a file or a directory tree; nothing if it does not exist. */
  public static void deleteRecursively(Path root) {
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
