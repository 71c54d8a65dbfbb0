package io.kindling.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broadcast values held in this JVM, by key ({@code sessionId/broadcastId}). Broadcast handles serialize
 * as their key only; on a node the value is looked up here (the driver JVM holds every value; cluster nodes
 * will fetch theirs on first use).
 */
public final class BroadcastRegistry {
  private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

  private BroadcastRegistry() {}

  public static void put(String key, Object value) {
    VALUES.put(key, value == null ? NullValue.INSTANCE : value);
  }

  public static boolean contains(String key) {
    return VALUES.containsKey(key);
  }

  /** The value under {@code key}; null when absent or when the value itself is null. */
  public static Object get(String key) {
    Object v = VALUES.get(key);
    return v == NullValue.INSTANCE ? null : v;
  }

  public static void remove(String key) {
    VALUES.remove(key);
  }

  /** Drops every value of a session (at stop). */
  public static void removeSession(String sessionId) {
    VALUES.keySet().removeIf(k -> k.startsWith(sessionId + "/"));
  }

  private enum NullValue { INSTANCE }
}
