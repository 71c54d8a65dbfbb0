package io.kindling.actors;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a new JVM with this JVM's flags (Chronicle's opens and the
 * analytics-off properties), except its heap size, which the caller chooses.
 */
final class ForkedJvm {
  private ForkedJvm() {}

  /** How a forked JVM ended. */
  record Result(int exitCode, String output) {
    /** The value of {@code key=} on the line starting with {@code RESULT}. */
    String value(String key) {
      for (String line : output.lines().toList()) {
        if (line.startsWith("RESULT ")) {
          for (String part : line.substring(7).split(" ")) {
            if (part.startsWith(key + "=")) {
              return part.substring(key.length() + 1);
            }
          }
        }
      }
      throw new AssertionError("no " + key + " in the output of the forked JVM:\n" + output);
    }
  }

  static Result run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!flag.startsWith("-Xmx") && !flag.startsWith("-Xms") && !flag.startsWith("-javaagent")
          && !flag.startsWith("-agentlib") && !flag.startsWith("-Duser.home")) {
        command.add(flag);
      }
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    Path log = Files.createTempFile("forked-jvm", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("the forked JVM did not finish within " + timeout + ":\n" + tail(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
