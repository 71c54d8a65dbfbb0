package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.source.InputPaths;
import io.kindling.sql.AnalysisException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Serializable, so that tasks on other nodes of a shared file system can write into it. The target may be on any
 * file system with an adapter ({@link FileSystemAdapters}): a local path, or {@code hdfs://…}.
 */
public final class OutputDirectory implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(OutputDirectory.class.getName());
  private static final int ABORT_ATTEMPTS = 10;
  /** What follows the job id in a part file name: the file counter, always 0 (one file a task and directory). */
  private static final String FILE_COUNTER = "c000";

  private final String target;
  private final String temporary;
  private final SaveMode mode;
  private final String jobId;

  private OutputDirectory(String target, String temporary, SaveMode mode, String jobId) {
    this.target = target;
    this.temporary = temporary;
    this.mode = mode;
    this.jobId = jobId;
  }

  /**
   * Checks the target against the mode and makes the temporary directory. Empty for IGNORE when the target
   * exists (the caller writes nothing). ERROR_IF_EXISTS on an existing path fails with Spark's message.
   */
  public static Optional<OutputDirectory> prepare(String path, SaveMode mode) {
    String target = FsPaths.isLocal(path) ? InputPaths.toPath(path).toString() : FsPaths.stripTrailingSlash(path);
    FileSystemAdapter fs = FileSystemAdapters.forPath(target);
    String shown = InputPaths.uri(target);
    try {
      Optional<FileInfo> existing = fs.status(target);
      if (existing.isPresent()) {
        switch (mode) {
          case IGNORE -> {
            return Optional.empty();
          }
          case ERROR_IF_EXISTS -> throw new AnalysisException("[PATH_ALREADY_EXISTS] Path " + shown
              + " already exists. Set mode as \"overwrite\" to overwrite the existing path.");
          default -> {
            if (!existing.get().directory() && mode == SaveMode.APPEND) {
              throw new KindlingException("Cannot append to " + shown + ": it is a file, not a directory");
            }
          }
        }
      }
      String parent = FsPaths.parent(target);
      String jobId = UUID.randomUUID().toString();
      fs.mkdirs(parent);
      String temporary = FsPaths.join(parent, "." + FsPaths.name(target) + ".kindling-" + jobId + ".tmp");
      if (!fs.mkdir(temporary)) {
        throw new FileAlreadyExistsException(temporary);
      }
      return Optional.of(new OutputDirectory(target, temporary, mode, jobId));
    } catch (IOException e) {
      throw new KindlingException("Could not prepare output directory " + shown + ": " + e, e);
    }
  }

  /** The id of this write, part of Spark-style file names. */
  public String jobId() {
    return jobId;
  }

  /** The target as a local path; only for local targets (see {@link #location()}). */
  public Path target() {
    if (!FsPaths.isLocal(target)) {
      throw new UnsupportedOperationException(target + " is not a local path; use location()");
    }
    return Path.of(target);
  }

  /** The target path as given to {@link #prepare} (normalized): a local path or a URI. */
  public String location() {
    return target;
  }

  /** Spark's part file name: {@code part-00003-<job uuid>-c000.csv} (extension with its dot). */
  public String partFileName(int partitionId, String extension) {
    return partFileName(partitionId, extension, false);
  }

  /**
   * Spark's part file name; inside {@code col=value/} directories ({@code inPartitionDirectory}) Spark writes a dot
   * before the file counter: {@code part-00003-<job uuid>.c000.csv}.
   */
  public String partFileName(int partitionId, String extension, boolean inPartitionDirectory) {
    return String.format("part-%05d-%s%c%s%s", partitionId, jobId, inPartitionDirectory ? '.' : '-', FILE_COUNTER,
        extension);
  }

  /** The files of one task attempt. */
  public TaskOutput task(int partitionId, int attemptNumber) {
    return new TaskOutput(temporary, partitionId, attemptNumber);
  }

  /** The files one task attempt writes; {@link #commitTask()} makes them final, {@link #abortTask()} drops them. */
  public static final class TaskOutput implements AutoCloseable {
    private final String root;
    private final FileSystemAdapter fs;
    private final int attempt;
    private final List<String[]> files = new ArrayList<>();
    private boolean done;

    private TaskOutput(String root, int partitionId, int attempt) {
      this.root = root;
      this.fs = FileSystemAdapters.forPath(root);
      this.attempt = attempt;
    }

    /** A new file {@code fileName} in {@code relativeDir} ("" or {@code a=1/b=x}), under an attempt name. */
    public OutputStream open(String relativeDir, String fileName) throws IOException {
      // Creates only the directories below the job's temporary directory: if the job was aborted while this
      // task ran, the temporary directory is gone and must stay gone (opening fails instead).
      String dir = root;
      if (!relativeDir.isEmpty()) {
        for (String part : relativeDir.split("/")) {
          if (part.isEmpty()) {
            continue;
          }
          dir = FsPaths.join(dir, part);
          // false: made by another task of the job
          fs.mkdir(dir);
        }
      }
      String attemptFile = FsPaths.join(dir, "." + fileName + ".attempt-" + attempt);
      files.add(new String[] {attemptFile, FsPaths.join(dir, fileName)});
      return fs.create(attemptFile, true);
    }

    /** Renames this attempt's files to their final names (the streams must be closed). */
    public void commitTask() throws IOException {
      for (String[] f : files) {
        fs.renameReplacing(f[0], f[1]);
      }
      done = true;
    }

    /** Deletes this attempt's files. */
    public void abortTask() {
      for (String[] f : files) {
        try {
          fs.delete(f[0], false);
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
    FileSystemAdapter fs = FileSystemAdapters.forPath(target);
    String tmp = temporary;
    String dest = target;
    try {
      deleteLeftoverAttempts(fs, tmp);
      fs.create(FsPaths.join(tmp, "_SUCCESS"), false).close();
      Optional<FileInfo> existing = fs.status(dest);
      if (mode == SaveMode.APPEND && existing.isPresent() && existing.get().directory()) {
        appendInto(fs, tmp, dest);
        fs.delete(tmp, true);
        return;
      }
      if (mode == SaveMode.OVERWRITE && existing.isPresent()) {
        String old = FsPaths.join(FsPaths.parent(dest), "." + FsPaths.name(dest) + ".kindling-" + jobId + ".old");
        fs.rename(dest, old);
        try {
          fs.rename(tmp, dest);
        } catch (IOException e) {
          fs.rename(old, dest);
          throw e;
        }
        fs.delete(old, true);
        return;
      }
      fs.rename(tmp, dest);
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
        FileSystemAdapters.forPath(temporary).delete(temporary, true);
        return;
      } catch (IOException | UncheckedIOException e) {
        if (attempt == ABORT_ATTEMPTS) {
          LOG.log(System.Logger.Level.WARNING, "Could not remove the temporary output " + temporary, e);
          return;
        }
        Thread.onSpinWait();
      }
    }
  }

  private static void appendInto(FileSystemAdapter fs, String from, String to) throws IOException {
    for (String relative : relativeFiles(fs, from, "")) {
      String dest = FsPaths.join(to, relative);
      fs.mkdirs(FsPaths.parent(dest));
      fs.renameReplacing(FsPaths.join(from, relative), dest);
    }
  }

  /** The files under {@code dir}, as paths relative to it. */
  private static List<String> relativeFiles(FileSystemAdapter fs, String dir, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    for (FileInfo f : fs.list(dir)) {
      String rel = prefix.isEmpty() ? f.name() : prefix + "/" + f.name();
      if (f.directory()) {
        out.addAll(relativeFiles(fs, f.path(), rel));
      } else {
        out.add(rel);
      }
    }
    return out;
  }

  private static void deleteLeftoverAttempts(FileSystemAdapter fs, String root) throws IOException {
    for (String rel : relativeFiles(fs, root, "")) {
      String name = FsPaths.name(rel);
      if (name.startsWith(".") && name.contains(".attempt-")) {
        fs.delete(FsPaths.join(root, rel), false);
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
