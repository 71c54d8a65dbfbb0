package io.kindling.actors.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PreRestart;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.engine.fault.ActorKilledException;
import io.kindling.engine.storage.OwnedBlock;
import io.kindling.engine.task.NodeServices;
import io.kindling.engine.task.TaskRunner;
import io.kindling.storage.StorageLevel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PartitionActor of a cached partition: it owns the partition's block and lives as long as the block does
 * (its NodeSupervisor stops it when the block is evicted, dropped or unpersisted, and with the session). A
 * MEMORY_ONLY block is the actor's own state on the heap, so it dies with the actor; an off-heap block survives
 * in the store. When the actor crashes, its supervisor restarts it (with backoff, a bounded number of times), and
 * the new incarnation checks the block's checksums or, when the block is gone or damaged, recomputes it from the
 * lineage it was given. When it crashes too often it stops, and its block goes with it: the next job to need the
 * partition recomputes it, wherever the driver places it.
 */
final class CachedPartitionActor extends AbstractBehavior<CachedPartitionActor.Command> {
  private static final System.Logger LOG = System.getLogger(CachedPartitionActor.class.getName());

  /** Messages a CachedPartitionActor handles. */
  sealed interface Command permits Crash, Recovered {}

  /** Fail as if crashed (fault injection). */
  enum Crash implements Command { INSTANCE }

  /** A recovery finished on the compute pool. */
  private record Recovered(int incarnation, Boolean recomputed, Throwable error) implements Command {}

  private final OwnedBlock block;
  private final NodeServices services;
  private final int incarnation;

  static Behavior<Command> create(OwnedBlock block, NodeServices services, ExecutorService pool) {
    AtomicInteger incarnations = new AtomicInteger();
    return Behaviors.setup(context -> new CachedPartitionActor(context, block, services, pool,
        incarnations.getAndIncrement()));
  }

  private CachedPartitionActor(ActorContext<Command> context, OwnedBlock block, NodeServices services,
      ExecutorService pool, int incarnation) {
    super(context);
    this.block = block;
    this.services = services;
    this.incarnation = incarnation;
    if (incarnation > 0) {
      ActorRef<Command> self = context.getSelf();
      CompletableFuture<Boolean> recovery = CompletableFuture.supplyAsync(() -> {
        try {
          return TaskRunner.recoverBlock(block, services, () -> self.tell(Crash.INSTANCE), incarnation);
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }, pool);
      context.pipeToSelf(recovery, (recomputed, error) -> new Recovered(incarnation, recomputed, error));
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Crash.INSTANCE, this::onCrash)
        .onMessage(Recovered.class, this::onRecovered)
        .onSignal(PreRestart.class, signal -> {
          dropHeapBlock();
          return this;
        })
        .build();
  }

  private Behavior<Command> onCrash() {
    dropHeapBlock();
    throw new PartitionActor.PartitionCrashedException("PartitionActor owning cached block " + block.id()
        + " (incarnation " + incarnation + ") crashed on purpose");
  }

  private void dropHeapBlock() {
    dropHeapBlock(block, services);
  }

  /** A MEMORY_ONLY block is its owner's state: it does not outlive the incarnation that held it. */
  static void dropHeapBlock(OwnedBlock block, NodeServices services) {
    if (block.level() == StorageLevel.MEMORY_ONLY) {
      services.blocks().drop(block.id(), RecomputeCause.PARTITION_ACTOR_RESTARTED, false);
    }
  }

  private Behavior<Command> onRecovered(Recovered recovered) {
    if (recovered.incarnation() != incarnation) {
      return this;
    }
    Throwable error = recovered.error() instanceof CompletionException c && c.getCause() != null
        ? c.getCause() : recovered.error();
    if (error instanceof ActorKilledException) {
      // Killed again while recovering: the crash message is on its way.
      return this;
    }
    if (error != null) {
      // The next job that reads the partition computes it (with retries); this owner has nothing left to own.
      LOG.log(System.Logger.Level.WARNING, "Could not recover cached block " + block.id()
          + "; it will be recomputed when next read", error);
      return Behaviors.stopped();
    }
    services.faults().events().blockRecovered(block.id().rddId(), block.id().partition(),
        recovered.recomputed());
    return this;
  }
}
