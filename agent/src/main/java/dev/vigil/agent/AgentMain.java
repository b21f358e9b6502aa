package dev.vigil.agent;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.CollectorRunner;
import dev.vigil.agent.exposition.PrometheusTextWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command line of {@code vigil-agent}: {@code run} (default) ships to a collector until stopped;
 * {@code once} prints one tick as Prometheus text.
 */
public final class AgentMain {
  static final int EXIT_USAGE = 2;
  static final String USAGE =
      "usage: vigil-agent [run|once] [--collector host:port] [--interval 15s]"
          + " [--host-name name] [--label key=value]... [--proc-root /proc] [--sys-root /sys]"
          + " [--state-dir dir] [--spool-max-bytes 64MiB] [--spool-fsync always|never]";

  private AgentMain() {}

  /** Entry point of the shaded jar. */
  public static void main(String[] args) throws IOException, InterruptedException {
    // gRPC and Netty log through java.util.logging; route it to the same place as ours.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    boolean hasCommand = args.length > 0 && !args[0].startsWith("--");
    String command = hasCommand ? args[0] : "run";
    AgentConfig config;
    try {
      config = AgentConfig.parse(Arrays.copyOfRange(args, hasCommand ? 1 : 0, args.length));
    } catch (IllegalArgumentException e) {
      System.exit(usageError(e.getMessage()));
      return;
    }
    switch (command) {
      case "run" -> runUntilStopped(config);
      case "once" -> once(config, System.out);
      default -> System.exit(usageError("unknown command \"" + command + "\""));
    }
  }

  /** Runs every collector once and writes the samples as Prometheus text to {@code out}. */
  static void once(AgentConfig config, PrintStream out) throws IOException {
    CollectorRunner runner =
        CollectorRunner.forContext(CollectorContext.forHost(config.procRoot(), config.sysRoot()));
    PrometheusTextWriter.write(runner.collect(), out);
    out.flush();
  }

  private static void runUntilStopped(AgentConfig config) throws InterruptedException {
    Agent agent = Agent.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "vigil-shutdown"));
    Thread.currentThread().join();
  }

  private static int usageError(String message) {
    System.err.println("vigil-agent: " + message);
    System.err.println(USAGE);
    return EXIT_USAGE;
  }
}
