package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.kindling.shuffle.NodeShuffleService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Serves the map outputs a worker wrote for one session to the reduce tasks of other workers, a chunk at a
 * time as their {@link BlockFetcher} asks (the asking side bounds the bytes in flight). Reads run on the
 * worker's I/O threads, one at a time per stream and in order, so a stream is read sequentially, never
 * re-skipped.
 */
final class ShuffleServer extends AbstractBehavior<ShuffleServer.Command> {

  /** Messages a ShuffleServer handles. */
  sealed interface Command permits FetchChunk, ReadDone, Sweep {}

  /**
   * Send {@code length} bytes from {@code offset} of the block map {@code map} of {@code shuffleId} wrote for
   * {@code reduce}, as a {@link DataBatch} of stream {@code streamId}, to {@code replyTo}.
   */
  record FetchChunk(long streamId, int shuffleId, int map, int reduce, long offset, int length,
      ActorRef<BlockFetcher.Command> replyTo) implements Command, ClusterMessage {}

  private record ReadDone(StreamKey key, FetchChunk request, byte[] bytes, boolean last, Throwable error)
      implements Command {}

  private enum Sweep implements Command { INSTANCE }

  private record StreamKey(ActorRef<BlockFetcher.Command> client, long streamId) {}

  /** A stream being served: its open block, where it stands, and the requests waiting for their turn. */
  private static final class Stream {
    InputStream in;
    long position;
    boolean busy;
    long lastUsed = System.nanoTime();
    final Deque<FetchChunk> pending = new ArrayDeque<>();
  }

  /** A stream nobody asked anything of for this long is closed (its reader went away). */
  private static final Duration IDLE = Duration.ofMinutes(2);

  private final NodeShuffleService shuffle;
  private final ExecutorService io;
  private final Map<StreamKey, Stream> streams = new HashMap<>();

  static Behavior<Command> create(NodeShuffleService shuffle, ExecutorService io) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new ShuffleServer(context, timers, shuffle,
        io)));
  }

  private ShuffleServer(ActorContext<Command> context, TimerScheduler<Command> timers, NodeShuffleService shuffle,
      ExecutorService io) {
    super(context);
    this.shuffle = shuffle;
    this.io = io;
    timers.startTimerWithFixedDelay(Sweep.INSTANCE, IDLE);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(FetchChunk.class, this::onFetch)
        .onMessage(ReadDone.class, this::onReadDone)
        .onMessageEquals(Sweep.INSTANCE, this::onSweep)
        .onSignal(akka.actor.typed.PostStop.class, signal -> {
          streams.values().forEach(ShuffleServer::closeQuietly);
          return this;
        })
        .build();
  }

  private Behavior<Command> onFetch(FetchChunk msg) {
    StreamKey key = new StreamKey(msg.replyTo(), msg.streamId());
    Stream stream = streams.computeIfAbsent(key, k -> new Stream());
    stream.pending.add(msg);
    stream.lastUsed = System.nanoTime();
    if (!stream.busy) {
      startRead(key, stream);
    }
    return this;
  }

  private void startRead(StreamKey key, Stream stream) {
    FetchChunk req = stream.pending.poll();
    if (req == null) {
      return;
    }
    stream.busy = true;
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        if (stream.in == null || stream.position != req.offset()) {
          closeQuietly(stream);
          stream.in = shuffle.openBlock(req.shuffleId(), req.map(), req.reduce());
          stream.in.skipNBytes(req.offset());
          stream.position = req.offset();
        }
        byte[] bytes = stream.in.readNBytes(req.length());
        stream.position += bytes.length;
        return bytes;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, io);
    getContext().pipeToSelf(read, (bytes, error) -> {
      boolean last = error == null
          && req.offset() + bytes.length >= shuffle.blockSize(req.shuffleId(), req.map(), req.reduce());
      return new ReadDone(key, req, bytes, last, error);
    });
  }

  private Behavior<Command> onReadDone(ReadDone msg) {
    Stream stream = streams.get(msg.key());
    FetchChunk req = msg.request();
    if (msg.error() != null) {
      Throwable cause = msg.error() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
          ? c.getCause() : msg.error();
      LinkDelays.get(getContext().getSystem()).tell(req.replyTo(),
          new BlockFetcher.ChunkFailed(req.streamId(), String.valueOf(cause.getMessage())));
      if (stream != null) {
        closeQuietly(stream);
        streams.remove(msg.key());
      }
      return this;
    }
    int sequence = (int) (req.offset() / Math.max(1, req.length()));
    LinkDelays.get(getContext().getSystem()).tell(req.replyTo(),
        new DataBatch(req.streamId(), sequence, msg.last(), msg.bytes()));
    if (stream != null) {
      stream.busy = false;
      if (msg.last() && stream.pending.isEmpty()) {
        closeQuietly(stream);
        streams.remove(msg.key());
      } else {
        startRead(msg.key(), stream);
      }
    }
    return this;
  }

  private Behavior<Command> onSweep() {
    long now = System.nanoTime();
    for (Iterator<Stream> it = streams.values().iterator(); it.hasNext(); ) {
      Stream s = it.next();
      if (!s.busy && now - s.lastUsed > IDLE.toNanos()) {
        closeQuietly(s);
        it.remove();
      }
    }
    return this;
  }

  private static void closeQuietly(Stream stream) {
    if (stream.in != null) {
      try {
        stream.in.close();
      } catch (IOException e) {
        // a block stream holds no resource worth reporting
      }
      stream.in = null;
    }
  }
}
