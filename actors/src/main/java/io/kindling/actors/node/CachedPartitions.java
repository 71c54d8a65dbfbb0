package io.kindling.actors.node;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.pattern.StatusReply;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.chaos.FaultKind;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.BlockOwners;
import io.kindling.engine.storage.OwnedBlock;
import io.kindling.engine.task.NodeServices;
import io.kindling.spi.FaultRequest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The NodeSupervisor's side of cached blocks: one supervised {@link CachedPartitionActor} per block, spawned when
 * the block is stored and stopped when it goes, and the faults that target what the node holds (blocks, their
 * owners, shuffle map outputs). Runs inside the supervisor (its actor context), never on another thread.
 */
final class CachedPartitions {
  private final ActorContext<NodeSupervisor.Command> context;
  private final NodeServices services;
  private final ExecutorService pool;
  private final NodeSupervisor.RestartPolicy restarts;
  private final Map<BlockId, Owner> owners = new HashMap<>();
  private long spawned;

  private record Owner(ActorRef<CachedPartitionActor.Command> ref, OwnedBlock block) {
    long generation() {
      return block.generation();
    }
  }

  CachedPartitions(ActorContext<NodeSupervisor.Command> context, NodeServices services, ExecutorService pool,
      NodeSupervisor.RestartPolicy restarts) {
    this.context = context;
    this.services = services;
    this.pool = pool;
    this.restarts = restarts;
    ActorRef<NodeSupervisor.Command> self = context.getSelf();
    services.blocks().attach(new BlockOwners() {
      @Override
      public void stored(OwnedBlock block) {
        self.tell(new NodeSupervisor.OwnBlock(block));
      }

      @Override
      public void released(BlockId id, long generation) {
        self.tell(new NodeSupervisor.ReleaseBlock(id, generation));
      }

      @Override
      public void crash(BlockId id) {
        self.tell(new NodeSupervisor.CrashOwner(id));
      }
    });
  }

  /** A block was stored: give it an owner (or tell its owner which storing of the block it now owns). */
  void own(OwnedBlock block) {
    BlockId id = block.id();
    boolean current = services.blocks().info(id).map(i -> i.generation() == block.generation()).orElse(false);
    if (!current) {
      return;
    }
    Owner owner = owners.get(id);
    if (owner != null) {
      owners.put(id, new Owner(owner.ref(), block));
      return;
    }
    Behavior<CachedPartitionActor.Command> supervised = Behaviors.supervise(
            CachedPartitionActor.create(block, services, pool))
        .onFailure(SupervisorStrategy.restartWithBackoff(restarts.minBackoff(), restarts.maxBackoff(), 0.2)
            .withMaxRestarts(restarts.maxRestarts()));
    ActorRef<CachedPartitionActor.Command> ref = context.spawn(supervised,
        "rdd" + id.rddId() + "-part" + id.partition() + "-block" + (spawned++));
    context.watchWith(ref, new NodeSupervisor.OwnerStopped(id, ref));
    owners.put(id, new Owner(ref, block));
  }

  /** The block stored as {@code generation} is gone (evicted or dropped): its owner stops. */
  void release(BlockId id, long generation) {
    Owner owner = owners.get(id);
    if (owner != null && owner.generation() == generation) {
      owners.remove(id);
      context.stop(owner.ref());
    }
  }

  /** An owner stopped: if it stopped by itself (it gave up after crashing), its block goes with it. */
  void stopped(BlockId id, ActorRef<CachedPartitionActor.Command> ref) {
    Owner owner = owners.get(id);
    if (owner != null && owner.ref().equals(ref)) {
      owners.remove(id);
      services.blocks().drop(id, RecomputeCause.PARTITION_ACTOR_FAILED, false);
    }
  }

  /** Crashes the owner of {@code id}, if it has one (a scheduled fault, already reported). */
  void crash(BlockId id) {
    Owner owner = owners.get(id);
    if (owner != null) {
      owner.ref().tell(CachedPartitionActor.Crash.INSTANCE);
    }
  }

  /** Removes every block of dataset {@code rddId} and stops their owners ({@code unpersist}). */
  void unpersist(int rddId) {
    services.blocks().removeDataset(rddId);
    for (Iterator<Map.Entry<BlockId, Owner>> it = owners.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<BlockId, Owner> e = it.next();
      if (e.getKey().rddId() == rddId) {
        it.remove();
        context.stop(e.getValue().ref());
      }
    }
  }

  /**
   * Fires {@code request} at once when what it targets exists here (a block, its owner, a map output), else arms
   * it for the next time its work runs; {@code replyTo} hears when that is done.
   */
  void inject(FaultRequest request, ActorRef<StatusReply<Done>> replyTo) {
    BlockId id = new BlockId(request.rddId(), request.partition());
    boolean fired = false;
    if (request instanceof FaultRequest.KillPartitionActor) {
      Owner owner = owners.get(id);
      if (owner != null) {
        services.faults().events().faultInjected(FaultKind.KILL_PARTITION_ACTOR, id.rddId(), id.partition(),
            "owner of cached block " + id + " killed (session.faults().killPartitionActor)");
        // Its heap state dies with it right now, so that the caller's next job sees the loss; the owner may be
        // restarting (its mailbox stashed), so the caller does not wait for it.
        CachedPartitionActor.dropHeapBlock(owner.block(), services);
        owner.ref().tell(CachedPartitionActor.Crash.INSTANCE);
        fired = true;
      }
    } else if (request instanceof FaultRequest.DropCachedBlock) {
      fired = services.faults().dropBlock(id, services.blocks(),
          "cached block dropped (session.faults().dropCachedBlock)");
    } else if (request instanceof FaultRequest.CorruptCachedBlock) {
      fired = services.faults().corruptBlock(id, services.blocks(),
          "cached block corrupted (session.faults().corruptCachedBlock)");
    } else if (request instanceof FaultRequest.DropShuffleOutput d) {
      fired = services.faults().dropShuffleOutput(d.rddId(), d.shuffleId(), d.partition(), services.shuffle(),
          " (session.faults().dropShuffleOutput)");
    }
    if (!fired) {
      services.faults().arm(request);
    }
    replyTo.tell(StatusReply.ack());
  }
}
