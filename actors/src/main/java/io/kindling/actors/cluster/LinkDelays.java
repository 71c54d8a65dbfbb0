package io.kindling.actors.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slow network links (fault injection): the work messages this member exchanges with a delayed peer (tasks and
 * their results, shuffle chunk requests and chunks) reach it {@code delay} late, in the order they were sent,
 * as over a long link. Cluster membership traffic (heartbeats, gossip) is not delayed, so a slow link is not a
 * cut one. With no delayed peer a message is sent at once, as always. One per ActorSystem.
 */
public final class LinkDelays implements Extension {

  /** The extension's id: {@code LinkDelays.get(system)}. */
  public static final class Id extends ExtensionId<LinkDelays> {
    static final Id INSTANCE = new Id();

    private Id() {}

    @Override
    public LinkDelays createExtension(ActorSystem<?> system) {
      return new LinkDelays(system);
    }
  }

  private final ActorSystem<?> system;
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  /** Per peer, the messages still waiting for their time. */
  private final Map<String, Line> lines = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;

  private LinkDelays(ActorSystem<?> system) {
    this.system = system;
  }

  public static LinkDelays get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /**
   * Delays the link to {@code peer} ({@code HOST:PORT} or an Akka address) by {@code delay}; zero restores it
   * (messages still waiting keep their order).
   */
  public void set(String peer, Duration delay) {
    String address = Links.akkaAddress(system, peer);
    if (delay.isZero() || delay.isNegative()) {
      delays.remove(address);
    } else {
      delays.put(address, delay);
    }
  }

  /** The delay of the link to {@code address} (an Akka address); zero when it is not delayed. */
  public Duration delayTo(String address) {
    return delays.getOrDefault(address, Duration.ZERO);
  }

  /** Sends {@code message} to {@code target}, late when the link to the target's member is delayed. */
  public <T> void tell(ActorRef<T> target, T message) {
    deliver(target.path().address().toString(), target, message);
  }

  /**
   * Delivers {@code message}, which came from member {@code from}, to the local {@code target}: late when the
   * link from that member is delayed (the receiving end of a delayed link).
   */
  public <T> void deliver(String from, ActorRef<T> target, T message) {
    if (delays.isEmpty() && lines.isEmpty()) {
      target.tell(message);
      return;
    }
    Duration delay = delays.getOrDefault(from, Duration.ZERO);
    Line line = lines.computeIfAbsent(from, k -> new Line(k));
    line.add(System.nanoTime() + delay.toNanos(), () -> target.tell(message));
  }

  /** The messages waiting on one link, sent in the order they were given, none before its time. */
  private final class Line {
    private final String peer;
    private final ArrayDeque<Object[]> waiting = new ArrayDeque<>();
    private boolean drainScheduled;

    Line(String peer) {
      this.peer = peer;
    }

    synchronized void add(long due, Runnable send) {
      if (waiting.isEmpty() && due - System.nanoTime() <= 0) {
        send.run();
        return;
      }
      waiting.add(new Object[] {due, send});
      if (!drainScheduled) {
        scheduleDrain();
      }
    }

    private void scheduleDrain() {
      long wait = (Long) waiting.peek()[0] - System.nanoTime();
      drainScheduled = true;
      timer().schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private synchronized void drain() {
      drainScheduled = false;
      long now = System.nanoTime();
      // A later message is never sent before an earlier one, even when its own time has come.
      while (!waiting.isEmpty() && (Long) waiting.peek()[0] - now <= 0) {
        ((Runnable) waiting.poll()[1]).run();
      }
      if (!waiting.isEmpty()) {
        scheduleDrain();
      } else if (!delays.containsKey(peer)) {
        lines.remove(peer, this);
      }
    }
  }

  private ScheduledExecutorService timer() {
    ScheduledExecutorService t = timer;
    if (t == null) {
      synchronized (this) {
        if (timer == null) {
          timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kindling-link-delays");
            thread.setDaemon(true);
            return thread;
          });
          system.getWhenTerminated().thenRun(timer::shutdownNow);
        }
        t = timer;
      }
    }
    return t;
  }
}
