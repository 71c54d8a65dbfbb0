package io.kindling.persistence.checkpoint;

import io.kindling.KindlingException;
import io.kindling.engine.storage.BlockCodec;
import io.kindling.persistence.block.KryoBlockCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The file format of a checkpointed partition, {@code part-NNNNN}: the chunk count, then each chunk as
 * {@code [length:int][bytes]} in the block chunk format (every chunk carries its checksum).
 */
final class CheckpointFiles {
  private static final int CHUNK_BYTES = 1 << 20;
  private static final BlockCodec CODEC = new KryoBlockCodec();

  private CheckpointFiles() {}

  static Path part(String directory, int partition) {
    return Path.of(directory, String.format("part-%05d", partition));
  }

  /** Writes {@code values} as partition {@code partition}, atomically; returns how many were written. */
  static long write(String directory, int partition, Iterator<?> values) throws IOException {
    BlockCodec.EncodedBlock block = CODEC.encode(values, CHUNK_BYTES);
    Path target = part(directory, partition);
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "-" + Thread.currentThread().getId() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(block.chunks().size());
      for (byte[] chunk : block.chunks()) {
        out.writeInt(chunk.length);
        out.write(chunk);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return block.count();
  }

  /** The elements of partition {@code partition}; fails clearly when its file is missing or damaged. */
  static Iterator<Object> read(String directory, int partition) {
    Path file = part(directory, partition);
    List<byte[]> chunks = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
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
}
