package io.kindling;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.chaos.Faults;
import io.kindling.internal.BroadcastRegistry;
import io.kindling.internal.CallSites;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.SessionConfigView;
import io.kindling.internal.SessionContext;
import io.kindling.internal.SessionCounters;
import io.kindling.internal.SessionSettings;
import io.kindling.internal.StorageRegistry;
import io.kindling.internal.lineage.EmptyNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.rdd.RDD;
import io.kindling.spi.BackendContext;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.ExecutionBackendFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point: makes datasets and runs their jobs on an execution backend (the actors runtime, found on
 * the classpath). Build one with {@link #builder()}; stop it with {@link #close()}.
 *
 * <pre>{@code
 * try (KindlingSession s = KindlingSession.builder().appName("wc").master("local[*]").getOrCreate()) {
 *   long n = s.textFile("data/*.txt").count();
 * }
 * }</pre>
 */
public final class KindlingSession implements AutoCloseable {
  private static final AtomicReference<KindlingSession> DEFAULT = new AtomicReference<>();
  private static final AtomicInteger NEXT_SESSION = new AtomicInteger();

  private final SessionContext context;
  private final ExecutionBackend backend;
  private final Faults faults;
  private final SessionMetrics metrics;

  private KindlingSession(SessionContext context, ExecutionBackend backend) {
    this.context = context;
    this.backend = backend;
    this.faults = new Faults(context);
    this.metrics = new SessionMetrics(context.counters());
  }

  /** A builder for a session. */
  public static Builder builder() {
    return new Builder();
  }

  /** The JVM's active default session (the one {@code getOrCreate()} returns), if one is running. */
  public static Optional<KindlingSession> getActiveSession() {
    KindlingSession s = DEFAULT.get();
    return s == null || s.context.isStopped() ? Optional.empty() : Optional.of(s);
  }

  // ---------------------------------------------------------------- datasets

  /** Distributes a driver-side list over {@link #defaultParallelism()} partitions. Lazy. */
  public <T> RDD<T> parallelize(List<T> data) {
    return parallelize(data, defaultParallelism());
  }

  /** Distributes a driver-side list over {@code numSlices} partitions (cut as Spark cuts them). Lazy. */
  public <T> RDD<T> parallelize(List<T> data, int numSlices) {
    requireNonNull(data, "data is null");
    context.backend("parallelize");
    return new RDD<>(context,
        new ParallelCollectionNode<>(context.nextNodeId(), CallSites.of("parallelize"), data, numSlices));
  }

  /**
   * The lines of text files: {@code path} is a file, a directory (its visible files), a glob ({@code *},
   * {@code ?}, {@code [ab]}, {@code {a,b}}) or several of those separated by commas. {@code .gz} and
   * {@code .bz2} files are decompressed; large plain files are split into several partitions at line
   * boundaries. At least {@code min(defaultParallelism, 2)} partitions when the input allows. Lazy: a missing
   * path fails at the first action.
   */
  public RDD<String> textFile(String path) {
    return textFile(path, Math.min(defaultParallelism(), 2));
  }

  /** {@link #textFile(String)} with at least {@code minPartitions} partitions when the input allows. */
  public RDD<String> textFile(String path, int minPartitions) {
    requireNonNull(path, "path is null");
    if (minPartitions < 1) {
      throw new IllegalArgumentException("minPartitions must be positive: " + minPartitions);
    }
    return new RDD<>(context, context.backend("textFile").io()
        .textFile(context.nextNodeId(), CallSites.of("textFile"), path, minPartitions));
  }

  /**
   * Reads a checkpoint written by {@code rdd.checkpoint()}, in this session or an earlier one (after a restart):
   * {@code directory} is what {@link RDD#getCheckpointFile()} returned, on local disk or {@code hdfs://} (with
   * kindling-hadoop). The result has the checkpointed dataset's partitions, elements and partitioner. Lazy; fails
   * at once when the directory holds no complete checkpoint.
   */
  public <T> RDD<T> readCheckpoint(String directory) {
    requireNonNull(directory, "directory is null");
    return new RDD<>(context, context.backend("readCheckpoint").checkpoints()
        .<T>load(context.nextNodeId(), CallSites.of("readCheckpoint"), directory));
  }

  /** A dataset with no partitions and no elements. */
  public <T> RDD<T> emptyRDD() {
    context.backend("emptyRDD");
    return new RDD<>(context, new EmptyNode<>(context.nextNodeId(), CallSites.of("emptyRDD")));
  }

  /** Makes {@code value} readable on every node through the returned handle, shipped once per node. */
  public <T> Broadcast<T> broadcast(T value) {
    context.backend("broadcast");
    int id = context.nextBroadcastId();
    String key = context.sessionId() + "/" + id;
    BroadcastRegistry.put(key, value);
    return new Broadcast<>(id, key);
  }

  /** A long sum that tasks add to; read its {@code value()} on the driver after an action. */
  public LongAccumulator longAccumulator(String name) {
    context.backend("longAccumulator");
    return context.accumulators().newLong(name);
  }

  /** A double sum that tasks add to; read its {@code value()} on the driver after an action. */
  public DoubleAccumulator doubleAccumulator(String name) {
    context.backend("doubleAccumulator");
    return context.accumulators().newDouble(name);
  }

  // ---------------------------------------------------------------- DataFrames

  /** A DataFrame of one non-null long column {@code id}: 0 to {@code end - 1}. Lazy. */
  public io.kindling.sql.DataFrame range(long end) {
    return range(0, end);
  }

  /** {@code id} from {@code start} to {@code end - 1}, over {@link #defaultParallelism()} partitions. Lazy. */
  public io.kindling.sql.DataFrame range(long start, long end) {
    return range(start, end, 1, defaultParallelism());
  }

  /** {@code id} from {@code start} towards {@code end} (exclusive) by {@code step}. Lazy. */
  public io.kindling.sql.DataFrame range(long start, long end, long step) {
    return range(start, end, step, defaultParallelism());
  }

  /** {@code id} from {@code start} towards {@code end} (exclusive) by {@code step}, in {@code numPartitions}. */
  public io.kindling.sql.DataFrame range(long start, long end, long step, int numPartitions) {
    context.backend("range");
    return io.kindling.internal.sql.DataFrames.range(context, start, end, step, numPartitions);
  }

  /** Reads files as DataFrames: {@code read().option("header", true).csv(path)}. */
  public io.kindling.sql.DataFrameReader read() {
    context.backend("read");
    return new io.kindling.sql.DataFrameReader(io.kindling.internal.sql.SqlContext.of(context));
  }

  /** A DataFrame of driver-side rows with the given schema (values are checked against it now). Lazy. */
  public io.kindling.sql.DataFrame createDataFrame(List<io.kindling.sql.Row> rows,
      io.kindling.sql.types.StructType schema) {
    context.backend("createDataFrame");
    return io.kindling.internal.sql.DataFrames.fromRows(context, rows, schema);
  }

  /** A DataFrame of an RDD's rows with the given schema (each row is checked when read). Lazy. */
  public io.kindling.sql.DataFrame createDataFrame(RDD<io.kindling.sql.Row> rows,
      io.kindling.sql.types.StructType schema) {
    context.backend("createDataFrame");
    return io.kindling.internal.sql.DataFrames.fromRdd(rows, schema);
  }

  // ---------------------------------------------------------------- information and lifecycle

  /**
   * Cluster mode: moves cached partitions between workers so that each holds about as many, for instance onto
   * workers that joined after the data was cached (set {@code kindling.cluster.rebalance-cached-on-join} to do it
   * whenever one joins). Nothing is recomputed; the call returns when the blocks have moved. Local mode: nothing
   * to do.
   */
  public void rebalance() {
    context.backend("rebalance").rebalance();
  }

  /** Default partition count: {@code kindling.default-parallelism}, else the number of local cores. */
  public int defaultParallelism() {
    return context.settings().defaultParallelism();
  }

  public String appName() {
    return context.settings().appName();
  }

  public String master() {
    return context.settings().master();
  }

  /** A setting's value as the session sees it ({@code config("kindling.task.max-attempts")}). */
  public String conf(String key) {
    return context.config().getValue(key).unwrapped().toString();
  }

  /**
   * Fault injection: kill partition actors, drop or corrupt cached blocks, drop shuffle outputs, fail or slow
   * partitions, or follow a seeded random schedule. Jobs still finish with the fault-free answer.
   */
  public Faults faults() {
    context.backend("faults");
    return faults;
  }

  /** Counters since the session started: recomputed partitions, retries, faults, evictions, bytes cached. */
  public SessionMetrics metrics() {
    return metrics;
  }

  /** Registers a listener for job progress events. */
  public void addListener(JobListener listener) {
    context.listeners().add(requireNonNull(listener, "listener is null"));
  }

  public void removeListener(JobListener listener) {
    context.listeners().remove(listener);
  }

  /** True once {@link #stop()} was called. */
  public boolean isStopped() {
    return context.isStopped();
  }

  /**
   * Stops the backend and releases everything the session holds; idempotent. Jobs still running fail. As in
   * Spark, a session can't be stopped from inside its own listeners or tasks, which run on its threads.
   */
  public void stop() {
    if (context.listeners().isDeliveringOnThisThread() || TaskContext.get() != null) {
      throw new KindlingException("Cannot stop a KindlingSession from inside "
          + (TaskContext.get() != null ? "a task" : "one of its JobListeners")
          + ": they run on the session's own threads, which stopping waits for. Stop it from another thread.");
    }
    if (context.markStopped()) {
      try {
        backend.close();
      } finally {
        BroadcastRegistry.removeSession(context.sessionId());
        DEFAULT.compareAndSet(this, null);
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "KindlingSession(" + appName() + ", " + master() + ", " + context.sessionId() + ")";
  }

  /** Internal: the context datasets use. */
  public SessionContext internalContext() {
    return context;
  }

  /** Builds sessions. */
  public static final class Builder {
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private Object hostActorSystem;

    private Builder() {}

    public Builder appName(String name) {
      return config("kindling.app-name", requireNonNull(name, "name is null"));
    }

    /** {@code local}, {@code local[N]}, {@code local[*]}. */
    public Builder master(String master) {
      return config("kindling.master", requireNonNull(master, "master is null"));
    }

    /** Overrides one setting of {@code reference.conf} (keys start with {@code kindling.}). */
    public Builder config(String key, String value) {
      overrides.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
      return this;
    }

    public Builder config(String key, long value) {
      overrides.put(requireNonNull(key, "key is null"), value);
      return this;
    }

    public Builder config(String key, double value) {
      overrides.put(requireNonNull(key, "key is null"), value);
      return this;
    }

    public Builder config(String key, boolean value) {
      overrides.put(requireNonNull(key, "key is null"), value);
      return this;
    }

    /**
     * Runs the session inside a host application's running Akka 2.6 {@code ActorSystem} (typed or classic)
     * instead of starting one; {@code close()} then leaves the host's system running.
     */
    public Builder actorSystem(Object system) {
      this.hostActorSystem = requireNonNull(system, "system is null");
      return this;
    }

    /** The JVM's active default session if there is one (as Spark does), else a new one that becomes it. */
    public KindlingSession getOrCreate() {
      synchronized (DEFAULT) {
        KindlingSession active = DEFAULT.get();
        if (active != null && !active.isStopped()) {
          return active;
        }
        KindlingSession created = create();
        DEFAULT.set(created);
        return created;
      }
    }

    /** Always a new, independent session; several may run in one JVM at once. */
    public KindlingSession create() {
      // The backends are loaded before the config is parsed: a backend may start warming up meanwhile.
      List<ExecutionBackendFactory> factories = backendFactories();
      Config config = loadConfig(factories);
      SessionSettings settings = SessionSettings.from(config);
      String sessionId = "session-" + NEXT_SESSION.incrementAndGet();
      ListenerBus listeners = new ListenerBus();
      AccumulatorRegistry accumulators = new AccumulatorRegistry();
      SessionContext context = new SessionContext(sessionId, settings, config, listeners, accumulators);
      ExecutionBackendFactory factory = findBackend(factories, settings.master());
      ExecutionBackend backend = factory.create(new BackendContext() {
        @Override
        public String sessionId() {
          return sessionId;
        }

        @Override
        public String appName() {
          return settings.appName();
        }

        @Override
        public String master() {
          return settings.master();
        }

        @Override
        public Config config() {
          return config;
        }

        @Override
        public int cores() {
          return settings.cores();
        }

        @Override
        public Optional<Object> hostActorSystem() {
          return Optional.ofNullable(hostActorSystem);
        }

        @Override
        public ListenerBus listeners() {
          return listeners;
        }

        @Override
        public AccumulatorRegistry accumulators() {
          return accumulators;
        }

        @Override
        public StorageRegistry storage() {
          return context.storage();
        }

        @Override
        public SessionCounters counters() {
          return context.counters();
        }
      });
      context.attach(backend);
      return new KindlingSession(context, backend);
    }

    /** The builder's settings over the application's config and the defaults (reference.conf files). */
    private Config loadConfig(List<ExecutionBackendFactory> factories) {
      ClassLoader classpath = KindlingSession.class.getClassLoader();
      Config given = ConfigFactory.parseMap(overrides, "KindlingSession.builder().config");
      for (ExecutionBackendFactory f : factories) {
        if (f instanceof SessionConfigView view) {
          try {
            Config narrow = given.withFallback(ConfigFactory.load(view.configLoader(classpath))).resolve();
            String master = narrow.getString("kindling.master").trim();
            if (f.supports(master) && view.usesConfigLoader(master)) {
              return narrow;
            }
          } catch (ConfigException e) {
            // Something in it needs the defaults of the whole classpath: the full config below has them, or reports
            // the error.
          }
        }
      }
      return given.withFallback(ConfigFactory.load(classpath)).resolve();
    }

    private static List<ExecutionBackendFactory> backendFactories() {
      List<ExecutionBackendFactory> factories = new ArrayList<>();
      for (ExecutionBackendFactory f : ServiceLoader.load(ExecutionBackendFactory.class,
          KindlingSession.class.getClassLoader())) {
        factories.add(f);
      }
      return factories;
    }

    private static ExecutionBackendFactory findBackend(List<ExecutionBackendFactory> factories, String master) {
      for (ExecutionBackendFactory f : factories) {
        if (f.supports(master)) {
          return f;
        }
      }
      throw new KindlingException("No execution backend on the classpath runs master '" + master
          + "'. The local masters (local, local[N], local[*]) need the kindling-actors dependency; other masters"
          + " need a backend that supports them.");
    }
  }
}
