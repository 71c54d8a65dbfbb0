package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A worker's receiving end of shuffle fetches (at {@code /user/fetcher}, a large-message destination): it
 * passes each chunk request of a {@link RemoteBlockStream} to the serving worker's {@link ShuffleServer}, hands
 * the chunks that come back to the stream, and fails the streams of a worker that leaves the cluster at once
 * (it watches every server it fetches from) instead of letting them wait for a timeout.
 */
final class BlockFetcher extends AbstractBehavior<BlockFetcher.Command> {

  /** Messages a BlockFetcher handles. */
  sealed interface Command permits Request, DataBatch, ChunkFailed, Close, ServerGone {}

  /** Ask {@code server} for a chunk; what comes back goes to {@code sink} (a DataBatch or a ChunkFailed). */
  record Request(ShuffleServer.FetchChunk chunk, ActorRef<ShuffleServer.Command> server, Consumer<Object> sink)
      implements Command {}

  /** A server could not read a chunk. */
  record ChunkFailed(long streamId, String reason) implements Command, ClusterMessage {}

  /** The stream is done (read to its end, or its task ended). */
  record Close(long streamId) implements Command {}

  private record ServerGone(ActorRef<ShuffleServer.Command> server) implements Command {}

  private record Stream(ActorRef<ShuffleServer.Command> server, Consumer<Object> sink) {}

  private final Map<Long, Stream> streams = new HashMap<>();
  private final Set<ActorRef<ShuffleServer.Command>> watched = new HashSet<>();

  static Behavior<Command> create() {
    return Behaviors.setup(BlockFetcher::new);
  }

  private BlockFetcher(ActorContext<Command> context) {
    super(context);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Request.class, this::onRequest)
        .onMessage(DataBatch.class, this::onBatch)
        .onMessage(ChunkFailed.class, this::onFailed)
        .onMessage(Close.class, msg -> {
          streams.remove(msg.streamId());
          return this;
        })
        .onMessage(ServerGone.class, this::onServerGone)
        .build();
  }

  private Behavior<Command> onRequest(Request msg) {
    streams.put(msg.chunk().streamId(), new Stream(msg.server(), msg.sink()));
    if (watched.add(msg.server())) {
      getContext().watchWith(msg.server(), new ServerGone(msg.server()));
    }
    LinkDelays.get(getContext().getSystem()).tell(msg.server(), msg.chunk());
    return this;
  }

  private Behavior<Command> onBatch(DataBatch batch) {
    Stream stream = streams.get(batch.streamId());
    if (stream != null) {
      stream.sink().accept(batch);
    }
    return this;
  }

  private Behavior<Command> onFailed(ChunkFailed msg) {
    Stream stream = streams.remove(msg.streamId());
    if (stream != null) {
      stream.sink().accept(msg);
    }
    return this;
  }

  private Behavior<Command> onServerGone(ServerGone msg) {
    watched.remove(msg.server());
    streams.entrySet().removeIf(e -> {
      if (e.getValue().server().equals(msg.server())) {
        e.getValue().sink().accept(new ChunkFailed(e.getKey(), "the worker serving it left the cluster"));
        return true;
      }
      return false;
    });
    return this;
  }
}
