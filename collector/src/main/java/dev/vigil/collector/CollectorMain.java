package dev.vigil.collector;

import dev.vigil.collector.cli.HostsCommand;
import dev.vigil.collector.cli.IncidentsCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code vigil-collector [run] [--flags]}: runs the collector until SIGTERM or Ctrl-C. */
public final class CollectorMain {
  private static final int EXIT_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  private CollectorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int exit = run(args, System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Runs as the command line asks; returns the exit status once there is nothing left to do. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length > 0 && args[0].equals("incidents")) {
      return IncidentsCommand.run(tail(args), out, err, System.getenv());
    }
    if (args.length > 0 && args[0].equals("hosts")) {
      return HostsCommand.run(tail(args), out, err, System.getenv());
    }
    String[] flags = args.length > 0 && args[0].equals("run") ? tail(args) : args;
    if (Arrays.asList(flags).contains("--help")) {
      out.print(usage());
      return 0;
    }
    CollectorConfig config;
    try {
      config = CollectorConfig.parse(flags);
    } catch (IllegalArgumentException e) {
      err.println("vigil-collector: " + e.getMessage());
      err.println("Run vigil-collector --help for the flags.");
      return EXIT_USAGE;
    }
    return serve(config);
  }

  private static int serve(CollectorConfig config) throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(CollectorMain.class);
    Collector collector;
    try {
      collector = Collector.start(config);
    } catch (IOException e) {
      log.error("Vigil collector could not start: {}", e.getMessage(), e);
      return EXIT_FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  collector.close();
                  log.info("Vigil collector stopped");
                  stopped.countDown();
                },
                "vigil-shutdown"));
    String http = "http://" + hostPort(collector.httpAddress());
    log.info(
        "Vigil collector: agents connect to {}; open {}/metrics, {}/sd, {}/healthz",
        hostPort(collector.ingestAddress()),
        http,
        http,
        http);
    stopped.await();
    return 0;
  }

  private static String hostPort(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static String[] tail(String[] args) {
    return Arrays.copyOfRange(args, 1, args.length);
  }

  static String usage() {
    return String.join(
        "\n",
        "Usage: vigil-collector [run] [--flag value ...]",
        "       vigil-collector incidents list|show|ack|resolve ... (see incidents --help)",
        "       vigil-collector hosts list|show ... (see hosts --help)",
        "",
        "Receives agents' streams over gRPC and serves them to Prometheus over HTTP.",
        "",
        flag(
            CollectorConfig.INGEST_LISTEN,
            CollectorConfig.INGEST_LISTEN_DEFAULT,
            "address the gRPC ingest binds"),
        flag(
            CollectorConfig.HTTP_LISTEN,
            CollectorConfig.HTTP_LISTEN_DEFAULT,
            "address of /metrics, /hosts/<host>/metrics, /sd and /healthz"),
        flag(CollectorConfig.TLS_CERT, "none", "PEM certificate chain for the ingest"),
        flag(CollectorConfig.TLS_KEY, "none", "PEM private key for the ingest"),
        flag(
            CollectorConfig.ALLOW_PLAINTEXT,
            "false",
            "allow plaintext ingest on a non-loopback address"),
        flag(
            CollectorConfig.AGENT_TOKENS_FILE,
            "none",
            "file of accepted agent tokens, one per line, # comments"),
        flag(
            CollectorConfig.ALLOW_UNAUTHENTICATED,
            "false",
            "admit agents without a token on a non-loopback address"),
        flag(
            CollectorConfig.MAX_FRAME_BYTES,
            CollectorConfig.MAX_FRAME_BYTES_DEFAULT,
            "largest frame an agent may send"),
        flag(
            CollectorConfig.MAX_SERIES_PER_HOST,
            CollectorConfig.MAX_SERIES_PER_HOST_DEFAULT,
            "most series one host may define"),
        flag(
            CollectorConfig.MAX_SYMBOLS_PER_STREAM,
            CollectorConfig.MAX_SYMBOLS_PER_STREAM_DEFAULT,
            "most strings one stream may intern"),
        flag(
            CollectorConfig.MAX_LABEL_LENGTH,
            CollectorConfig.MAX_LABEL_LENGTH_DEFAULT,
            "longest metric name, label or help text, in characters"),
        flag(
            CollectorConfig.STALE_AFTER,
            CollectorConfig.STALE_AFTER_DEFAULT,
            "how long a series stays exposed after its last value"),
        flag(
            CollectorConfig.RULES,
            "none",
            "rule file, or directory of *.yml rule files; repeatable; reloaded on SIGHUP and"
                + " change"),
        flag(
            CollectorConfig.DATA_DIR,
            CollectorConfig.DATA_DIR_DEFAULT,
            "directory of the incident store's SQLite file"),
        flag(
            CollectorConfig.INCIDENT_STORE,
            "<" + CollectorConfig.DATA_DIR + ">/" + CollectorConfig.INCIDENT_STORE_FILE,
            "SQLite file, or jdbc:postgresql://host/db?user=..&password=.."),
        flag(
            CollectorConfig.INCIDENT_FLAP_WINDOW,
            CollectorConfig.INCIDENT_FLAP_WINDOW_DEFAULT,
            "a firing this soon after resolving reopens the incident"),
        flag(
            CollectorConfig.INCIDENT_RETENTION,
            CollectorConfig.INCIDENT_RETENTION_DEFAULT,
            "resolved incidents older than this are deleted hourly (0s keeps them)"),
        flag(
            CollectorConfig.API_TOKENS_FILE,
            "none (API off)",
            "API tokens, one name:role:token per line, role read or write"),
        flag("help", "", "print this and exit"),
        "");
  }

  private static String flag(String name, Object fallback, String meaning) {
    String left = String.format("  --%-28s %s", name, meaning);
    return fallback.toString().isEmpty() ? left : left + " (default " + fallback + ")";
  }
}
