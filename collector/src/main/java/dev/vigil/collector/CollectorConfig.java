package dev.vigil.collector;

import dev.vigil.collector.api.ApiTokens;
import dev.vigil.collector.ingest.AgentTokens;
import dev.vigil.collector.ingest.IngestLimits;
import dev.vigil.collector.notify.config.NotificationsConfig;
import dev.vigil.collector.notify.config.NotificationsConfigParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the collector: one name, one default, one validation step, and an error that
 * names the setting. Read from command-line flags ({@code --name value}).
 *
 * @param ingestListen address the gRPC ingest binds
 * @param httpListen address the HTTP server (metrics, discovery, health) binds
 * @param tlsCertificate PEM certificate chain for the ingest, or null for plaintext
 * @param tlsPrivateKey PEM private key for the ingest, or null for plaintext
 * @param agentTokens the tokens an agent must present, or null to admit any agent
 * @param limits bounds on what one agent may send
 * @param staleAfter how long a series stays exposed after its last value
 * @param rules rule files and directories of rule files, in order; none to run without rules
 * @param incidentStore the incidents' database: an SQLite file path or a {@code jdbc:postgresql://}
 *     URL
 * @param incidentFlapWindow how soon after resolving a new firing reopens the same incident
 * @param incidentRetention how long a resolved incident is kept before it is deleted; zero keeps
 *     every one
 * @param notifications the receivers and escalation policies, or empty to record incidents without
 *     telling anyone
 * @param apiTokens the tokens the incidents API accepts, or null to keep the API off
 */
public record CollectorConfig(
    InetSocketAddress ingestListen,
    InetSocketAddress httpListen,
    Path tlsCertificate,
    Path tlsPrivateKey,
    AgentTokens agentTokens,
    IngestLimits limits,
    Duration staleAfter,
    List<Path> rules,
    String incidentStore,
    Duration incidentFlapWindow,
    Duration incidentRetention,
    Optional<NotificationsConfig> notifications,
    ApiTokens apiTokens) {

  public static final String INGEST_LISTEN = "ingest-listen";
  public static final String INGEST_LISTEN_DEFAULT = "127.0.0.1:7431";
  public static final String HTTP_LISTEN = "http-listen";
  public static final String HTTP_LISTEN_DEFAULT = "127.0.0.1:9465";
  public static final String TLS_CERT = "tls-cert";
  public static final String TLS_KEY = "tls-key";
  public static final String ALLOW_PLAINTEXT = "allow-plaintext-ingest";
  public static final String AGENT_TOKENS_FILE = "agent-tokens-file";
  public static final String ALLOW_UNAUTHENTICATED = "allow-unauthenticated-ingest";
  public static final String MAX_FRAME_BYTES = "max-frame-bytes";
  public static final int MAX_FRAME_BYTES_DEFAULT = 4 * 1024 * 1024;
  public static final String MAX_SERIES_PER_HOST = "max-series-per-host";
  public static final int MAX_SERIES_PER_HOST_DEFAULT = 20_000;
  public static final String MAX_SYMBOLS_PER_STREAM = "max-symbols-per-stream";
  public static final int MAX_SYMBOLS_PER_STREAM_DEFAULT = 100_000;
  public static final String MAX_LABEL_LENGTH = "max-label-length";
  public static final int MAX_LABEL_LENGTH_DEFAULT = 2048;
  public static final String CATCH_UP_BATCHES_PER_SECOND = "catch-up-batches-per-second";
  // 2,000 batches of ~500 samples is ~1M samples/s: a fraction of what one core ingests, leaving
  // the rest for live ticks.
  public static final int CATCH_UP_BATCHES_PER_SECOND_DEFAULT = 2_000;
  public static final String STALE_AFTER = "stale-after";
  public static final String STALE_AFTER_DEFAULT = "5m";
  public static final String RULES = "rules";

  public static final String DATA_DIR = "data-dir";
  public static final String DATA_DIR_DEFAULT = "vigil-data";
  public static final String INCIDENT_STORE = "incident-store";

  /** The SQLite file in {@code --data-dir} when {@code --incident-store} is not given. */
  public static final String INCIDENT_STORE_FILE = "incidents.db";

  public static final String INCIDENT_FLAP_WINDOW = "incident-flap-window";
  public static final String INCIDENT_FLAP_WINDOW_DEFAULT = "10m";
  public static final String INCIDENT_RETENTION = "incident-retention";
  public static final String INCIDENT_RETENTION_DEFAULT = "90d";
  public static final String NOTIFICATIONS = "notifications";
  public static final String API_TOKENS_FILE = "api-tokens-file";

  public CollectorConfig {
    rules = List.copyOf(rules);
  }

  /** The embedded defaults: everything on loopback, plaintext. */
  public static CollectorConfig defaults() {
    return parse();
  }

  /**
   * Reads {@code --name value} flags over the defaults.
   *
   * @throws IllegalArgumentException naming the flag when a value is invalid
   */
  public static CollectorConfig parse(String... args) {
    Flags flags = Flags.parse(args);
    InetSocketAddress ingest = flags.address(INGEST_LISTEN, INGEST_LISTEN_DEFAULT);
    Path cert = flags.file(TLS_CERT);
    Path key = flags.file(TLS_KEY);
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("--" + TLS_CERT + " and --" + TLS_KEY + " go together");
    }
    boolean plaintextAllowed = flags.bool(ALLOW_PLAINTEXT);
    if (cert == null && !ingest.getAddress().isLoopbackAddress() && !plaintextAllowed) {
      throw notLoopback(
          ingest,
          "--"
              + TLS_CERT
              + " and --"
              + TLS_KEY
              + ", or --"
              + ALLOW_PLAINTEXT
              + " on a network"
              + " you trust");
    }
    AgentTokens tokens = agentTokens(flags, ingest);
    IngestLimits limits =
        new IngestLimits(
            flags.positiveInt(MAX_FRAME_BYTES, MAX_FRAME_BYTES_DEFAULT),
            flags.positiveInt(MAX_SERIES_PER_HOST, MAX_SERIES_PER_HOST_DEFAULT),
            flags.positiveInt(MAX_SYMBOLS_PER_STREAM, MAX_SYMBOLS_PER_STREAM_DEFAULT),
            flags.positiveInt(MAX_LABEL_LENGTH, MAX_LABEL_LENGTH_DEFAULT),
            flags.nonNegativeInt(CATCH_UP_BATCHES_PER_SECOND, CATCH_UP_BATCHES_PER_SECOND_DEFAULT));
    CollectorConfig config =
        new CollectorConfig(
            ingest,
            flags.address(HTTP_LISTEN, HTTP_LISTEN_DEFAULT),
            cert,
            key,
            tokens,
            limits,
            flags.duration(STALE_AFTER, STALE_AFTER_DEFAULT),
            flags.paths(RULES),
            flags.databaseLocation(
                INCIDENT_STORE,
                flags.directory(DATA_DIR, DATA_DIR_DEFAULT).resolve(INCIDENT_STORE_FILE)),
            flags.duration(INCIDENT_FLAP_WINDOW, INCIDENT_FLAP_WINDOW_DEFAULT),
            flags.duration(INCIDENT_RETENTION, INCIDENT_RETENTION_DEFAULT),
            notifications(flags.file(NOTIFICATIONS)),
            apiTokens(flags));
    flags.requireAllUsed();
    return config;
  }

  /**
   * The tokens file, required when the ingest listens beyond loopback unless unauthenticated agents
   * are explicitly allowed: anyone who reaches the port could otherwise write any host's metrics.
   */
  private static AgentTokens agentTokens(Flags flags, InetSocketAddress ingest) {
    Path file = flags.file(AGENT_TOKENS_FILE);
    boolean unauthenticatedAllowed = flags.bool(ALLOW_UNAUTHENTICATED);
    if (file == null) {
      if (!ingest.getAddress().isLoopbackAddress() && !unauthenticatedAllowed) {
        throw notLoopback(
            ingest,
            "--"
                + AGENT_TOKENS_FILE
                + ", or --"
                + ALLOW_UNAUTHENTICATED
                + " to admit any agent"
                + " that reaches it");
      }
      return null;
    }
    try {
      return AgentTokens.read(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + AGENT_TOKENS_FILE + ": " + e.getMessage(), e);
    }
  }

  private static Optional<NotificationsConfig> notifications(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(NotificationsConfigParser.read(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + NOTIFICATIONS + ": " + e.getMessage(), e);
    }
  }

  /** The API's tokens; without them the API is off, never open to anyone who reaches it. */
  private static ApiTokens apiTokens(Flags flags) {
    Path file = flags.file(API_TOKENS_FILE);
    if (file == null) {
      return null;
    }
    try {
      return ApiTokens.read(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + API_TOKENS_FILE + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException notLoopback(InetSocketAddress ingest, String remedy) {
    return new IllegalArgumentException(
        "--"
            + INGEST_LISTEN
            + " "
            + ingest.getHostString()
            + ":"
            + ingest.getPort()
            + " is not a loopback address: give "
            + remedy);
  }

  /** The same configuration listening on other addresses (tests bind port 0). */
  public CollectorConfig withListen(InetSocketAddress ingest, InetSocketAddress http) {
    return new CollectorConfig(
        ingest,
        http,
        tlsCertificate,
        tlsPrivateKey,
        agentTokens,
        limits,
        staleAfter,
        rules,
        incidentStore,
        incidentFlapWindow,
        incidentRetention,
        notifications,
        apiTokens);
  }
}
