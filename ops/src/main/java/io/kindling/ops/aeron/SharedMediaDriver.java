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

  /**
   * Datagram size and flow-control window. Aeron's default MTU (1408 bytes) and 128 KiB window carried 1 MiB
   * Artery messages at ~1.3 MiB/s on loopback here; 64 KiB datagrams and a 4 MiB window at ~85 MiB/s, on par
   * with Artery TCP. The window needs a kernel socket buffer at least as large ({@code net.core.rmem_max}).
   *
   * @param mtu bytes per datagram: up to the network's MTU (1408 on common Ethernet, ~8 KiB with jumbo frames,
   *     65504 on loopback)
   * @param window bytes a receiver lets a sender have in flight
   */
  public record Tuning(int mtu, int window) {
    /** Safe on any network. */
    public static final Tuning DEFAULT = new Tuning(1408, 2 * 1024 * 1024);
    /** Every member on one host. */
    public static final Tuning LOOPBACK = new Tuning(65504, 4 * 1024 * 1024);

    public Tuning {
      if (mtu < 1024 || mtu > 65504 || mtu % 32 != 0) {
        throw new IllegalArgumentException("mtu must be a multiple of 32 in 1024..65504: " + mtu);
      }
      if (window < 2 * mtu) {
        throw new IllegalArgumentException("window must hold at least two datagrams: " + window);
      }
    }
  }

  /** Starts a media driver in {@code dir} (which it owns: anything there is deleted at start and stop). */
  public static SharedMediaDriver launch(Path dir) {
    return launch(dir, Tuning.DEFAULT);
  }

  /** Starts a media driver in {@code dir} with datagram size and window {@code tuning}. */
  public static SharedMediaDriver launch(Path dir, Tuning tuning) {
    MediaDriver.Context context = new MediaDriver.Context()
        .aeronDirectoryName(dir.toAbsolutePath().toString())
        .dirDeleteOnStart(true)
        .dirDeleteOnShutdown(true)
        .threadingMode(ThreadingMode.SHARED)
        // spin briefly, then yield, then park from 1 µs up to 1 ms: idle costs little, a busy link still flows
        .sharedIdleStrategy(new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)))
        .termBufferSparseFile(true)
        .mtuLength(tuning.mtu())
        .initialWindowLength(tuning.window())
        .socketRcvbufLength(tuning.window())
        .socketSndbufLength(tuning.window())
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
