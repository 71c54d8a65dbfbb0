package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.kindling.KindlingException;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.shuffle.RemoteMapOutputs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker session's way to the map outputs of other workers: asks the driver's {@link ClusterView} where they
 * are, then streams each block from its worker's {@link ShuffleServer} through the worker's
 * {@link BlockFetcher}. Called on compute threads, where waiting is allowed.
 */
final class ClusterMapOutputs implements RemoteMapOutputs {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final ActorRef<ClusterView.Command> driver;
  private final ActorRef<BlockFetcher.Command> fetcher;
  private final FetchSettings settings;
  private final Semaphore inFlight;
  private final AtomicLong streamIds;

  ClusterMapOutputs(ActorSystem<?> system, ActorRef<ClusterView.Command> driver,
      ActorRef<BlockFetcher.Command> fetcher, FetchSettings settings, Semaphore inFlight, AtomicLong streamIds) {
    this.system = system;
    this.driver = driver;
    this.fetcher = fetcher;
    this.settings = settings;
    this.inFlight = inFlight;
    this.streamIds = streamIds;
  }

  @Override
  public Map<Integer, RemoteBlock> locate(int shuffleId, int reducePartition, int[] maps, TaskContext context) {
    ClusterView.MapOutputs found = ask(shuffleId, reducePartition, maps);
    Map<Integer, ClusterView.MapOutputLocation> byMap = new HashMap<>();
    for (ClusterView.MapOutputLocation l : found.locations()) {
      byMap.put(l.map(), l);
    }
    int[] missing = java.util.Arrays.stream(maps).filter(m -> !byMap.containsKey(m)).toArray();
    if (missing.length > 0) {
      // No live worker holds them (their node was lost): the driver runs those map partitions again.
      throw new FetchFailedException(shuffleId, missing, reducePartition);
    }
    Map<Integer, RemoteBlock> blocks = new HashMap<>();
    for (int map : maps) {
      ClusterView.MapOutputLocation l = byMap.get(map);
      blocks.put(map, new RemoteBlock(l.size(), () -> {
        RemoteBlockStream stream = new RemoteBlockStream(fetcher, l.server(), settings, inFlight,
            streamIds.incrementAndGet(), shuffleId, map, reducePartition, l.size());
        context.onTaskCompletion(stream);
        return stream;
      }));
    }
    return blocks;
  }

  private ClusterView.MapOutputs ask(int shuffleId, int reducePartition, int[] maps) {
    try {
      return AskPattern.<ClusterView.Command, ClusterView.MapOutputs>ask(driver,
              replyTo -> new ClusterView.GetMapOutputs(shuffleId, reducePartition, maps, replyTo), ASK_TIMEOUT,
              system.scheduler())
          .toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KindlingException("Interrupted while asking the driver where shuffle " + shuffleId + " is", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KindlingException("The driver did not say within " + ASK_TIMEOUT.toSeconds() + " s where the map "
          + "outputs of shuffle " + shuffleId + " are: " + e, e);
    }
  }
}
