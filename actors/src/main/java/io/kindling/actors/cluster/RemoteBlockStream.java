package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import io.kindling.engine.shuffle.FetchFailedException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One map output block of another worker, read by a reduce task on a compute thread: it asks for the block a
 * chunk at a time, keeping up to {@link FetchSettings#window()} chunks requested ahead, each holding its bytes
 * from the worker's shared budget of bytes in flight until the task has read it. Fails with
 * {@link FetchFailedException} when the serving worker can't send it or leaves the cluster.
 */
final class RemoteBlockStream extends InputStream {
  private final ActorRef<BlockFetcher.Command> fetcher;
  private final ActorRef<ShuffleServer.Command> server;
  private final FetchSettings settings;
  private final Semaphore inFlight;
  private final long streamId;
  private final int shuffleId;
  private final int map;
  private final int reduce;
  private final long size;
  private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
  private long requested;
  private int outstanding;
  private int heldPermits;
  private byte[] current = new byte[0];
  private int position;
  private int currentPermits;
  private long consumed;
  private boolean closed;

  RemoteBlockStream(ActorRef<BlockFetcher.Command> fetcher, ActorRef<ShuffleServer.Command> server,
      FetchSettings settings, Semaphore inFlight, long streamId, int shuffleId, int map, int reduce, long size) {
    this.fetcher = fetcher;
    this.server = server;
    this.settings = settings;
    this.inFlight = inFlight;
    this.streamId = streamId;
    this.shuffleId = shuffleId;
    this.map = map;
    this.reduce = reduce;
    this.size = size;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position == current.length && !nextChunk()) {
      return -1;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - position;
  }

  private boolean nextChunk() {
    releaseCurrent();
    if (consumed >= size) {
      close();
      return false;
    }
    requestAhead();
    Object next;
    try {
      next = arrived.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new FetchFailedException(shuffleId, map, "interrupted while fetching", e);
    }
    if (next == null) {
      close();
      throw new FetchFailedException(shuffleId, map, "no data from " + server.path().address() + " for "
          + settings.timeout().toSeconds() + " s");
    }
    if (next instanceof BlockFetcher.ChunkFailed failed) {
      close();
      throw new FetchFailedException(shuffleId, map, failed.reason() + " (" + server.path().address() + ")");
    }
    DataBatch batch = (DataBatch) next;
    outstanding--;
    current = batch.bytes();
    position = 0;
    currentPermits = chunkPermits();
    heldPermits -= currentPermits;
    consumed += current.length;
    if (current.length == 0 && consumed < size) {
      close();
      throw new FetchFailedException(shuffleId, map, "the block ended early at " + consumed + " of " + size
          + " bytes");
    }
    return current.length > 0 || nextChunk();
  }

  /** Keeps up to window chunks requested ahead of the reader, within the worker's budget of bytes in flight. */
  private void requestAhead() {
    while (outstanding < settings.window() && requested < size) {
      int length = (int) Math.min(settings.chunkBytes(), size - requested);
      int permits = chunkPermits();
      if (outstanding > 0) {
        if (!inFlight.tryAcquire(permits)) {
          return;
        }
      } else {
        acquire(permits);
      }
      heldPermits += permits;
      fetcher.tell(new BlockFetcher.Request(new ShuffleServer.FetchChunk(streamId, shuffleId, map, reduce,
          requested, length, fetcher), server, arrived::offer));
      requested += length;
      outstanding++;
    }
  }

  private void acquire(int permits) {
    try {
      if (!inFlight.tryAcquire(permits, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new FetchFailedException(shuffleId, map, "no room in the budget of bytes in flight for "
            + settings.timeout().toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailedException(shuffleId, map, "interrupted while fetching", e);
    }
  }

  /** Permits are counted in KiB so that a budget of gigabytes fits a semaphore. */
  private int chunkPermits() {
    return FetchSettings.permits(settings.chunkBytes());
  }

  private void releaseCurrent() {
    if (currentPermits > 0) {
      inFlight.release(currentPermits);
      currentPermits = 0;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    releaseCurrent();
    if (heldPermits > 0) {
      inFlight.release(heldPermits);
      heldPermits = 0;
    }
    fetcher.tell(new BlockFetcher.Close(streamId));
  }
}
