package io.kindling.ops;

import io.kindling.actors.cluster.ClusterSettings;
import io.kindling.ops.aeron.SharedMediaDriver;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kindling media-driver}: the host's shared Aeron media driver, until the process is stopped. */
@Command(name = "media-driver", mixinStandardHelpOptions = true,
    description = {"Runs the host's shared Aeron media driver for the aeron-udp transport (members use it with",
        "kindling.cluster.aeron.media-driver = shared and the same directory). Stop it with SIGTERM."})
final class MediaDriverCommand implements Callable<Integer> {
  @Option(names = "--dir", paramLabel = "DIR", description = "Its directory (default: kindling.cluster.aeron.dir).")
  File dir;

  @Option(names = "--mtu", defaultValue = "1408",
      description = "Bytes per datagram (default ${DEFAULT-VALUE}; 8192 with jumbo frames, 65504 on one host).")
  int mtu;

  @Option(names = "--window", defaultValue = "2097152",
      description = "Flow-control window in bytes (default ${DEFAULT-VALUE}); needs net.core.rmem_max as large.")
  int window;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() throws InterruptedException {
    Path path = dir != null ? dir.toPath()
        : Path.of(ClusterSettings.from(options.load(Map.of())).aeron().dir());
    SharedMediaDriver driver = SharedMediaDriver.launch(path, new SharedMediaDriver.Tuning(mtu, window));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      driver.close();
      stopped.countDown();
    }, "kindling-media-driver-stop"));
    System.out.println("Aeron media driver running in " + driver.directory());
    stopped.await();
    return 0;
  }
}
