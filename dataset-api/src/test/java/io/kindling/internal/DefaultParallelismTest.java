package io.kindling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kindling.spi.DataIo;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.JobRequest;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** On a cluster the default parallelism counts the workers' cores, as Spark's counts executors' cores. */
class DefaultParallelismTest {

  /** A backend whose tasks run on workers with {@code cores} cores in all (empty: in the session's JVM). */
  private record Backend(AtomicInteger cores) implements ExecutionBackend {
    @Override
    public <T, U> CompletableFuture<List<U>> submitJob(JobRequest<T, U> request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OptionalInt workerCores() {
      return cores.get() < 0 ? OptionalInt.empty() : OptionalInt.of(cores.get());
    }

    @Override
    public DataIo io() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static SessionContext context(Map<String, Object> conf, AtomicInteger workerCores) {
    Config config = ConfigFactory.parseMap(conf).withFallback(ConfigFactory.defaultReference()).resolve();
    SessionContext context = new SessionContext("s", SessionSettings.from(config), config, new ListenerBus(),
        new AccumulatorRegistry());
    context.attach(new Backend(workerCores));
    return context;
  }

  @Test
  void clusterSession_countsTheWorkersCores_asTheyAreNow() {
    AtomicInteger cores = new AtomicInteger(6);
    SessionContext context = context(Map.of("kindling.master", "kindling://127.0.0.1:2552"), cores);

    assertThat(context.settings().defaultParallelism()).isEqualTo(6);
    cores.set(10);
    assertThat(context.settings().defaultParallelism()).isEqualTo(10);
  }

  @Test
  void clusterSession_withOneCore_stillDefaultsToTwo() {
    SessionContext context = context(Map.of("kindling.master", "cluster"), new AtomicInteger(1));
    assertThat(context.settings().defaultParallelism()).isEqualTo(2);
  }

  @Test
  void configuredParallelism_wins() {
    SessionContext context = context(Map.of("kindling.master", "cluster", "kindling.default-parallelism", 3),
        new AtomicInteger(8));
    assertThat(context.settings().defaultParallelism()).isEqualTo(3);
  }

  @Test
  void localSession_keepsLocalN() {
    SessionContext context = context(Map.of("kindling.master", "local[3]"), new AtomicInteger(-1));
    assertThat(context.settings().defaultParallelism()).isEqualTo(3);
  }
}
