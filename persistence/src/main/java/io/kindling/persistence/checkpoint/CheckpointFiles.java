package io.kindling.persistence.checkpoint;

import io.kindling.KindlingException;
import io.kindling.Partitioner;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.storage.BlockCodec;
import io.kindling.internal.JavaSerialization;
import io.kindling.persistence.block.KryoBlockCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of a checkpoint directory, on any file system with an adapter (local disk, {@code hdfs://}): one
 * {@code part-NNNNN} per partition (the chunk count, then each chunk as {@code [length:int][bytes]} in the block
 * chunk format, every chunk carrying its checksum), each written under a temporary name and renamed into place;
 * then {@code _metadata} (the partition count) and {@code _partitioner} (the dataset's partitioner, Java
 * serialized, when it has one), written last: a directory without {@code _metadata} is an incomplete checkpoint.
 */
final class CheckpointFiles {
  static final String METADATA = "_metadata";
  static final String PARTITIONER = "_partitioner";
  private static final int CHUNK_BYTES = 1 << 20;
  private static final int FORMAT_VERSION = 1;
  private static final BlockCodec CODEC = new KryoBlockCodec();

  private CheckpointFiles() {}

  static String part(String directory, int partition) {
    return FsPaths.join(directory, String.format("part-%05d", partition));
  }

  /** Writes {@code values} as partition {@code partition}, atomically; returns how many were written. */
  static long write(String directory, int partition, Iterator<?> values) throws IOException {
    BlockCodec.EncodedBlock block = CODEC.encode(values, CHUNK_BYTES);
    FileSystemAdapter fs = FileSystemAdapters.forPath(directory);
    String target = part(directory, partition);
    fs.mkdirs(directory);
    // Unique per attempt, so that two attempts of a partition (a retry, a speculative copy) never share it.
    String temp = FsPaths.join(directory, "." + FsPaths.name(target) + "-" + UUID.randomUUID() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(temp, false), 1 << 16))) {
      out.writeInt(block.chunks().size());
      for (byte[] chunk : block.chunks()) {
        out.writeInt(chunk.length);
        out.write(chunk);
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(temp, false);
      throw e;
    }
    fs.renameReplacing(temp, target);
    return block.count();
  }

  /** The elements of partition {@code partition}; fails clearly when its file is missing or damaged. */
  static Iterator<Object> read(String directory, int partition) {
    String file = part(directory, partition);
    List<byte[]> chunks = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        FileSystemAdapters.forPath(file).open(file, 0), 1 << 16))) {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        byte[] chunk = new byte[in.readInt()];
        in.readFully(chunk);
        if (!CODEC.verify(chunk)) {
          throw new KindlingException("Checkpoint file " + file + " is corrupt (chunk " + i + " fails its "
              + "checksum): the checkpointed dataset can't be read; delete the checkpoint and recompute it");
        }
        chunks.add(chunk);
      }
    } catch (EOFException e) {
      throw new KindlingException("Checkpoint file " + file + " is truncated", e);
    } catch (IOException e) {
      throw new KindlingException("Could not read checkpoint file " + file + ": " + e, e);
    }
    return CODEC.decode(chunks);
  }

  /** The first part file of {@code partitions} that is missing, if one is. */
  static Optional<String> missingPart(String directory, int partitions) throws IOException {
    FileSystemAdapter fs = FileSystemAdapters.forPath(directory);
    for (int p = 0; p < partitions; p++) {
      Optional<FileInfo> s = fs.status(part(directory, p));
      if (s.isEmpty() || s.get().directory()) {
        return Optional.of(part(directory, p));
      }
    }
    return Optional.empty();
  }

  /** Marks the checkpoint complete: its partition count and partitioner, each written atomically. */
  static void writeMetadata(String directory, int partitions, Partitioner partitioner) throws IOException {
    FileSystemAdapter fs = FileSystemAdapters.forPath(directory);
    if (partitioner != null) {
      writeAtomically(fs, FsPaths.join(directory, PARTITIONER), out -> {
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
          o.writeObject(partitioner);
        }
      });
    }
    writeAtomically(fs, FsPaths.join(directory, METADATA), out -> {
      try (DataOutputStream d = new DataOutputStream(out)) {
        d.writeInt(FORMAT_VERSION);
        d.writeInt(partitions);
      }
    });
  }

  /** What {@link #writeMetadata} wrote. */
  record Metadata(int partitions, Partitioner partitioner) {}

  static Metadata readMetadata(String directory) {
    FileSystemAdapter fs = FileSystemAdapters.forPath(directory);
    String meta = FsPaths.join(directory, METADATA);
    try {
      if (!fs.exists(meta)) {
        throw new KindlingException("No complete checkpoint at " + directory + ": " + METADATA + " is missing (the"
            + " directory is not a checkpoint, or its job did not finish). Pass the directory that "
            + "RDD.getCheckpointFile() returned after the checkpoint was written.");
      }
      int partitions;
      try (DataInputStream in = new DataInputStream(fs.open(meta, 0))) {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
          throw new KindlingException("Checkpoint " + directory + " has format version " + version
              + ", this Kindling reads version " + FORMAT_VERSION);
        }
        partitions = in.readInt();
      }
      Partitioner partitioner = null;
      String p = FsPaths.join(directory, PARTITIONER);
      if (fs.exists(p)) {
        try (ObjectInputStream in = new JavaSerialization.ContextObjectInputStream(fs.open(p, 0))) {
          partitioner = (Partitioner) in.readObject();
        } catch (ClassNotFoundException e) {
          throw new KindlingException("The partitioner of checkpoint " + directory + " is of a class not on the "
              + "classpath: " + e.getMessage(), e);
        }
      }
      return new Metadata(partitions, partitioner);
    } catch (IOException e) {
      throw new KindlingException("Could not read checkpoint " + directory + ": " + e, e);
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(FileSystemAdapter fs, String target, Body body) throws IOException {
    String temp = FsPaths.join(FsPaths.parent(target), "." + FsPaths.name(target) + "-" + UUID.randomUUID()
        + ".tmp");
    try (OutputStream out = fs.create(temp, false)) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(temp, false);
      throw e;
    }
    fs.renameReplacing(temp, target);
  }
}
