package io.kindling;

import io.kindling.internal.BroadcastRegistry;
import java.io.Serializable;

/**
 * A read-only value shipped once to each node rather than with every task ({@code session.broadcast(v)}).
 * Closures capture the handle; {@link #value()} reads the value on any node.
 */
public final class Broadcast<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final String key;

  /** Made by the session; use {@code session.broadcast(value)}. */
  public Broadcast(long id, String key) {
    this.id = id;
    this.key = key;
  }

  public long id() {
    return id;
  }

  /** The value; fails if the broadcast was destroyed. */
  @SuppressWarnings("unchecked")
  public T value() {
    if (!BroadcastRegistry.contains(key)) {
      throw new KindlingException(
          "Attempted to use Broadcast(" + id + ") after it was destroyed (or its session was stopped)");
    }
    return (T) BroadcastRegistry.get(key);
  }

  /** Releases the value everywhere; later uses fail. */
  public void destroy() {
    BroadcastRegistry.remove(key);
  }


  @Override
  public String toString() {
    return "Broadcast(" + id + ")";
  }
}
