package io.kindling.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kindling}: the command line of Kindling clusters. */
@Command(name = "kindling", mixinStandardHelpOptions = true, version = "kindling 0.1.0",
    description = "Runs and operates Kindling clusters.",
    subcommands = {WorkerCommand.class, SubmitCommand.class, StatusCommand.class, LeaveCommand.class,
        CertsCommand.class, MediaDriverCommand.class})
public final class KindlingCli implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit status (for tests and embedding). */
  public static int run(String... args) {
    return new CommandLine(new KindlingCli()).execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
