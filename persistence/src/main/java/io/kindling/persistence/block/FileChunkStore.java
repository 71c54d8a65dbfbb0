package io.kindling.persistence.block;

import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.ChunkStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * DISK_ONLY blocks: one file per block under the store's directory, {@code [count:int]} then each chunk as
 * {@code [length:int][bytes]}, written to a temporary name and renamed into place. The page cache may hold them;
 * the heap never does between reads.
 */
final class FileChunkStore implements ChunkStore {
  private final Path directory;

  FileChunkStore(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the block directory " + directory, e);
    }
  }

  private Path file(BlockId block, long generation) {
    return directory.resolve(block + "-" + generation + ".blk");
  }

  @Override
  public boolean put(BlockId block, long generation, List<byte[]> chunks) {
    Path target = file(block, generation);
    Path temp = directory.resolve(target.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temp))) {
      out.writeInt(chunks.size());
      for (byte[] chunk : chunks) {
        out.writeInt(chunk.length);
        out.write(chunk);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      // A full disk is "no room": the block manager evicts older blocks and tries again.
      return false;
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      deleteQuietly(temp);
      return false;
    }
  }

  @Override
  public List<byte[]> get(BlockId block, long generation, int count) {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
        Files.newInputStream(file(block, generation)), 1 << 16))) {
      int stored = in.readInt();
      if (stored != count) {
        return null;
      }
      List<byte[]> chunks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] chunk = new byte[in.readInt()];
        in.readFully(chunk);
        chunks.add(chunk);
      }
      return chunks;
    } catch (NoSuchFileException | EOFException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read block file of " + block, e);
    }
  }

  @Override
  public void remove(BlockId block, long generation, int count) {
    deleteQuietly(file(block, generation));
  }

  @Override
  public void corrupt(BlockId block, long generation) {
    try (RandomAccessFile f = new RandomAccessFile(file(block, generation).toFile(), "rw")) {
      // The first chunk starts after the count and its length; its last byte is covered by its checksum.
      f.seek(4);
      int length = f.readInt();
      long last = 8L + length - 1;
      f.seek(last);
      int b = f.read();
      f.seek(last);
      f.write(b ^ 0x5A);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not corrupt block file of " + block, e);
    }
  }

  @Override
  public void close() {
    try (var files = Files.list(directory)) {
      files.forEach(FileChunkStore::deleteQuietly);
    } catch (IOException e) {
      // the directory is already gone
    }
    deleteQuietly(directory);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      path.toFile().deleteOnExit();
    }
  }
}
