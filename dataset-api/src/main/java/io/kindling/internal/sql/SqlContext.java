package io.kindling.internal.sql;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.SessionContext;
import io.kindling.internal.sql.plan.CacheEntry;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.spi.DataFrameEngine;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DataFrame state of one session: its settings, its cached plans (as Spark's CacheManager: a cached
 * plan is used by every query that contains it), its temporary views, and the engine that runs plans.
 */
public final class SqlContext {
  private static final Map<SessionContext, SqlContext> BY_SESSION = new WeakHashMap<>();
  private static volatile DataFrameEngine engine;

  private final SessionContext session;
  private final SqlSettings settings;
  private final List<CacheEntry> cache = new ArrayList<>();
  private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();

  private SqlContext(SessionContext session) {
    this.session = session;
    this.settings = SqlSettings.from(session.config());
  }

  /** The state of {@code session}, made on first use. */
  public static SqlContext of(SessionContext session) {
    requireNonNull(session, "session is null");
    synchronized (BY_SESSION) {
      return BY_SESSION.computeIfAbsent(session, SqlContext::new);
    }
  }

  public SessionContext session() {
    return session;
  }

  public SqlSettings settings() {
    return settings;
  }

  /** The engine on the classpath that runs DataFrame plans. */
  public DataFrameEngine engine() {
    DataFrameEngine e = engine;
    if (e == null) {
      synchronized (SqlContext.class) {
        e = engine;
        if (e == null) {
          e = ServiceLoader.load(DataFrameEngine.class, SqlContext.class.getClassLoader()).findFirst()
              .orElseThrow(() -> new io.kindling.KindlingException("No DataFrame engine on the classpath: add "
                  + "the kindling-engine (or kindling-actors) dependency"));
          engine = e;
        }
      }
    }
    return e;
  }

  /** Registers {@code plan} as cached (no-op if it already is). */
  public synchronized CacheEntry cache(LogicalPlan plan, StorageLevel level) {
    for (CacheEntry c : cache) {
      if (c.plan().equals(plan)) {
        return c;
      }
    }
    CacheEntry entry = new CacheEntry(plan, level);
    cache.add(entry);
    return entry;
  }

  /** The cache entry for {@code plan}, or null. */
  public synchronized CacheEntry cached(LogicalPlan plan) {
    for (CacheEntry c : cache) {
      if (c.plan().equals(plan)) {
        return c;
      }
    }
    return null;
  }

  /** Removes {@code plan} from the cache, releasing what was stored. */
  public void uncache(LogicalPlan plan) {
    CacheEntry removed = null;
    synchronized (this) {
      for (int i = 0; i < cache.size(); i++) {
        if (cache.get(i).plan().equals(plan)) {
          removed = cache.remove(i);
          break;
        }
      }
    }
    if (removed != null && removed.materialized() != null) {
      engine().uncache(removed.materialized(), this);
    }
  }

  /** A snapshot of the cached entries. */
  public synchronized List<CacheEntry> cacheEntries() {
    return List.copyOf(cache);
  }

  public Map<String, LogicalPlan> views() {
    return views;
  }
}
