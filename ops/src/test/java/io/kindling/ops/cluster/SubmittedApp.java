package io.kindling.ops.cluster;

import io.kindling.KindlingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** An application run by {@code kindling submit} in {@link TcpClusterTest}: its builder names no master. */
public final class SubmittedApp {
  private SubmittedApp() {}

  public static void main(String[] args) throws Exception {
    try (KindlingSession s = KindlingSession.builder().appName("submitted").create()) {
      long sum = s.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4).map(x -> (long) x * 2)
          .reduce(Long::sum);
      Files.writeString(Path.of(args[0]), s.master() + " " + sum);
    }
  }
}
