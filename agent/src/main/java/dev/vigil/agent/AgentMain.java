package dev.vigil.agent;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.CollectorRunner;
import dev.vigil.agent.collector.Collectors;
import dev.vigil.agent.collector.patch.PatchCollector;
import dev.vigil.agent.exposition.PrometheusTextWriter;
import dev.vigil.agent.service.ServiceCommands;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command line of {@code vigil-agent}: {@code run} (default) ships to a collector until stopped;
 * {@code once} prints one tick as Prometheus text; {@code service}, {@code install-service} and
 * {@code uninstall-service} are the Windows service's (see {@link ServiceCommands}).
 */
public final class AgentMain {
  static final int EXIT_USAGE = 2;
  static final String USAGE =
      """
      usage: vigil-agent [run|once|service|install-service|uninstall-service] [--config FILE]
                   [--SETTING VALUE]...

      run streams to the collector until stopped (the default); once prints one tick as
      Prometheus text; service is what the Windows Service Control Manager starts, and
      install-service / uninstall-service register and remove it (Windows, as Administrator).
      Each setting comes from its flag, else its VIGIL_AGENT_* variable, else the YAML file
      that --config names, else its default. The variable is VIGIL_AGENT_ and the name in
      capitals with - and . as _ (tls.ca-file: VIGIL_AGENT_TLS_CA_FILE); a repeatable setting
      takes a comma-separated list there. In the file, tls.ca-file is ca-file under tls:.

        --config FILE                 YAML file of settings; none is read without it
        --collector HOST:PORT         collector to stream to (default 127.0.0.1:7431); repeat
                                      for failover: the first that answers, the next when its
                                      stream breaks
        --tls.ca-file FILE            PEM CA certificates that verify the collector; turns TLS on
        --tls.server-name NAME        name in the collector's certificate, if not its address
        --allow-plaintext-collector   allow plaintext to a collector beyond loopback
        --token-file FILE             file holding this agent's token, sent as a bearer token
        --interval DURATION           collection tick, at least 1s (default 15s)
        --host-name NAME              this host's instance label (default: the OS host name)
        --label NAME=VALUE            host label sent in Hello, e.g. site=hq; repeatable
        --proc-root DIR               where /proc is (default /proc)
        --sys-root DIR                where /sys is (default /sys)
        --state-dir DIR               where the spool lives (default $STATE_DIRECTORY, else
                                      /var/lib/vigil-agent; %ProgramData%\\Vigil\\agent on Windows)
        --spool-max-bytes SIZE        bound of the spool, e.g. 64MiB (default), at least 1MiB
        --spool-fsync always|never    force every tick to disk (default always)
        --help                        print this and exit
      """;

  /** How long {@code once} waits for the first patch scan before printing without it. */
  static final Duration ONCE_PATCH_WAIT = Duration.ofSeconds(60);

  private AgentMain() {}

  /** Entry point of the shaded jar. */
  public static void main(String[] args) throws IOException, InterruptedException {
    // gRPC and Netty log through java.util.logging; route it to the same place as ours.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    boolean hasCommand = args.length > 0 && !args[0].startsWith("--");
    String command = hasCommand ? args[0] : "run";
    String[] flags = Arrays.copyOfRange(args, hasCommand ? 1 : 0, args.length);
    if (Arrays.asList(flags).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    AgentConfig config;
    try {
      config = AgentConfig.load(flags, System.getenv());
    } catch (IllegalArgumentException e) {
      System.exit(usageError(e.getMessage()));
      return;
    }
    switch (command) {
      case "run" -> runUntilStopped(config);
      case "once" -> once(config, System.out);
      case ServiceCommands.SERVICE, ServiceCommands.INSTALL, ServiceCommands.UNINSTALL ->
          System.exit(
              ServiceCommands.run(command, Arrays.asList(args).subList(1, args.length), config));
      default -> System.exit(usageError("unknown command \"" + command + "\""));
    }
  }

  /**
   * Runs every collector once and writes the samples as Prometheus text to {@code out}, after
   * waiting a bounded time for the first patch scan so its counts are in the output.
   */
  static void once(AgentConfig config, PrintStream out) throws IOException {
    List<Collector> collectors =
        Collectors.create(CollectorContext.forHost(config.procRoot(), config.sysRoot()));
    try {
      for (Collector collector : collectors) {
        if (collector instanceof PatchCollector patch) {
          patch.awaitFirstScan(ONCE_PATCH_WAIT);
        }
      }
    } catch (InterruptedException e) {
      // Interrupted while waiting: print what there is, and keep the interrupt for the caller.
      Thread.currentThread().interrupt();
    }
    try (CollectorRunner runner = new CollectorRunner(collectors)) {
      PrometheusTextWriter.write(runner.collect(), out);
    }
    out.flush();
  }

  private static void runUntilStopped(AgentConfig config) throws InterruptedException {
    Agent agent = Agent.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "vigil-shutdown"));
    Thread.currentThread().join();
  }

  private static int usageError(String message) {
    System.err.println("vigil-agent: " + message);
    System.err.println("Run vigil-agent --help for the settings.");
    return EXIT_USAGE;
  }
}
