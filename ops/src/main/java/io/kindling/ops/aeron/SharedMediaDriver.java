package io.kindling.ops.aeron;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * The one Aeron media driver of a host, shared by every Kindling JVM on it that uses the {@code aeron-udp}
 * transport with {@code kindling.cluster.aeron.media-driver = shared}. An embedded driver per JVM runs busy
 * threads of its own in each; one shared driver with a single thread that backs off to sleeping when idle keeps
 * a small host's cores for computing. Timeouts match what Akka's Artery expects of its driver.
 */
public final class SharedMediaDriver implements AutoCloseable {
  private final MediaDriver driver;

  private SharedMediaDriver(MediaDriver driver) {
    this.driver = driver;
  }

  /** Starts a media driver in {@code dir} (which it owns: anything there is deleted at start and stop). */
  public static SharedMediaDriver launch(Path dir) {
    MediaDriver.Context context = new MediaDriver.Context()
        .aeronDirectoryName(dir.toAbsolutePath().toString())
        .dirDeleteOnStart(true)
        .dirDeleteOnShutdown(true)
        .threadingMode(ThreadingMode.SHARED)
        // spin briefly, then yield, then park from 1 µs up to 1 ms: idle costs little, a busy link still flows
        .sharedIdleStrategy(new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)))
        .termBufferSparseFile(true)
        .clientLivenessTimeoutNs(TimeUnit.SECONDS.toNanos(20))
        .imageLivenessTimeoutNs(TimeUnit.SECONDS.toNanos(10))
        .publicationUnblockTimeoutNs(TimeUnit.SECONDS.toNanos(40))
        .driverTimeoutMs(TimeUnit.SECONDS.toMillis(20));
    return new SharedMediaDriver(MediaDriver.launch(context));
  }

  /** The directory clients name in {@code kindling.cluster.aeron.dir}. */
  public String directory() {
    return driver.aeronDirectoryName();
  }

  @Override
  public void close() {
    driver.close();
  }
}
