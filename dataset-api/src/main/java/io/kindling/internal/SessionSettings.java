package io.kindling.internal;

import com.typesafe.config.Config;
import io.kindling.KindlingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session-level settings, read once from the {@code kindling} config section.
 *
 * @param cores partitions computed at once on the local node ({@code local[N]})
 * @param defaultParallelism default partition count of {@code parallelize} and shuffles
 * @param maxTaskAttempts attempts of a partition before its job fails
 */
public record SessionSettings(String appName, String master, int cores, int defaultParallelism,
    int maxTaskAttempts) {
  private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\*|\\d+)]");

  public static SessionSettings from(Config config) {
    Config k = config.getConfig("kindling");
    String master = k.getString("master").trim();
    int cores = coresOf(master);
    int parallelism = k.getInt("default-parallelism");
    int attempts = k.getInt("task.max-attempts");
    if (attempts < 1) {
      throw new KindlingException("kindling.task.max-attempts must be at least 1: " + attempts);
    }
    return new SessionSettings(k.getString("app-name"), master, cores, parallelism > 0 ? parallelism : cores,
        attempts);
  }

  /** These settings with {@code defaultParallelism} replaced (cluster mode: the workers' cores). */
  public SessionSettings withDefaultParallelism(int parallelism) {
    return parallelism == defaultParallelism ? this
        : new SessionSettings(appName, master, cores, parallelism, maxTaskAttempts);
  }

  /** The N of {@code local[N]}; {@code local} is 1 and {@code local[*]} every available core. */
  static int coresOf(String master) {
    if (master.equals("local")) {
      return 1;
    }
    Matcher m = LOCAL_N.matcher(master);
    if (m.matches()) {
      if (m.group(1).equals("*")) {
        return Runtime.getRuntime().availableProcessors();
      }
      int n = Integer.parseInt(m.group(1));
      if (n < 1) {
        throw new KindlingException("Asked to run locally with " + n + " threads in master '" + master
            + "': use local, local[N] with N >= 1, or local[*]");
      }
      return n;
    }
    if (master.equals("cluster") || master.startsWith("kindling://")) {
      return Runtime.getRuntime().availableProcessors();
    }
    throw new KindlingException("Could not parse master URL: '" + master
        + "'. Use local, local[N], local[*], cluster or kindling://HOST:PORT");
  }
}
