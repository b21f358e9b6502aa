package dev.vigil.agent;

import dev.vigil.agent.config.AgentToken;
import dev.vigil.agent.config.CaCertificates;
import dev.vigil.agent.config.CollectorAddress;
import dev.vigil.agent.config.ConfigLoader;
import dev.vigil.agent.config.SettingException;
import dev.vigil.agent.config.SettingKind;
import dev.vigil.agent.config.SettingNames;
import dev.vigil.agent.config.SettingOrigins;
import dev.vigil.agent.config.SettingSink;
import dev.vigil.agent.spool.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every agent setting in one place: each has one name, one default and one validation step whose
 * error names it. Built from a YAML file, the environment and flags ({@link #load}), from flags
 * alone ({@link #parse}) or in code ({@link #builder}).
 *
 * <p>A setting is its public String constant here (every public String constant not named {@code
 * DEFAULT_*} is a setting's name), its builder method, which validates it, and one {@code case} in
 * {@link Builder#set}, which makes it loadable from all three sources.
 */
public final class AgentConfig {
  /**
   * Collector address, {@code host:port}; repeatable: the agent streams to the first that answers
   * and moves to the next when its stream breaks.
   */
  public static final String COLLECTOR = "collector";

  /** Default collector: Vigil's ingest port on this machine. */
  public static final String DEFAULT_COLLECTOR = "127.0.0.1:7431";

  /** Time between ticks, e.g. {@code 15s}, {@code 1m}, {@code 500ms}; at least 1s. */
  public static final String INTERVAL = "interval";

  /** Default time between ticks. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** Host name announced to the collector; by default the operating system's. */
  public static final String HOST_NAME = "host-name";

  /** Host label {@code key=value}, repeatable; sent in Hello. */
  public static final String LABEL = "label";

  /** PEM file of the CA certificates that verify the collector; when given, the agent uses TLS. */
  public static final String TLS_CA_FILE = "tls.ca-file";

  /** Name the collector's certificate must carry, when it is not the collector's address. */
  public static final String TLS_SERVER_NAME = "tls.server-name";

  /** Allows plaintext to a collector that is not on loopback, for a network the operator trusts. */
  public static final String ALLOW_PLAINTEXT_COLLECTOR = "allow-plaintext-collector";

  /** File holding this agent's token, sent as {@code authorization: Bearer <token>}. */
  public static final String TOKEN_FILE = "token-file";

  /** Where procfs is mounted; a different root lets tests and containers read another tree. */
  public static final String PROC_ROOT = "proc-root";

  /** Default procfs root. */
  public static final Path DEFAULT_PROC_ROOT = Path.of("/proc");

  /** Where sysfs is mounted; a different root lets tests and containers read another tree. */
  public static final String SYS_ROOT = "sys-root";

  /** Default sysfs root. */
  public static final Path DEFAULT_SYS_ROOT = Path.of("/sys");

  /**
   * Where the agent keeps its spool across restarts. By default the directory systemd gives the
   * service ({@code $STATE_DIRECTORY}), else {@value #DEFAULT_UNIX_STATE_DIR} on Linux and {@code
   * %ProgramData%\Vigil\agent} on Windows.
   */
  public static final String STATE_DIR = "state-dir";

  /** Default state directory outside systemd on Linux and other Unix-like systems. */
  public static final String DEFAULT_UNIX_STATE_DIR = "/var/lib/vigil-agent";

  /** Upper bound of the spool's files, in bytes or with a KiB, MiB or GiB suffix; at least 1MiB. */
  public static final String SPOOL_MAX_BYTES = "spool-max-bytes";

  /** Default spool bound: 7 days of a 500-series host at 15 s (see the README). */
  public static final long DEFAULT_SPOOL_MAX_BYTES = 64L << 20;

  static final long MIN_SPOOL_MAX_BYTES = 1L << 20;

  /** When the spool forces writes to disk: {@code always} (every tick) or {@code never}. */
  public static final String SPOOL_FSYNC = "spool-fsync";

  /** Default fsync policy: a crash of the machine loses no spooled tick. */
  public static final FsyncPolicy DEFAULT_SPOOL_FSYNC = FsyncPolicy.ALWAYS;

  private static final Pattern HOST_PORT = Pattern.compile("^(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d+)$");
  private static final Pattern LABEL_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final Pattern DURATION = Pattern.compile("^(\\d{1,9})(ms|s|m|h)$");
  private static final Pattern SIZE = Pattern.compile("^(\\d{1,12})(|KiB|MiB|GiB)$");

  private static final Set<String> NAMES = SettingNames.declaredBy(AgentConfig.class);
  private static final Pattern SERVER_NAME =
      Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$");

  private final List<CollectorAddress> collectors;
  private final Duration interval;
  private final String hostName;
  private final Map<String, String> labels;
  private final Path tlsCaFile;
  private final String tlsServerName;
  private final boolean allowPlaintextCollector;
  private final AgentToken token;
  private final Path procRoot;
  private final Path sysRoot;
  private final Path stateDir;
  private final long spoolMaxBytes;
  private final FsyncPolicy spoolFsync;

  private AgentConfig(Builder builder) {
    this.collectors = builder.collectors();
    this.interval = builder.interval;
    this.hostName = builder.hostName;
    this.labels = Map.copyOf(builder.labels);
    this.tlsCaFile = builder.tlsCaFile;
    this.tlsServerName = builder.tlsServerName;
    this.allowPlaintextCollector = builder.allowPlaintextCollector;
    this.token = builder.token;
    this.procRoot = builder.procRoot;
    this.sysRoot = builder.sysRoot;
    this.stateDir = builder.stateDir;
    this.spoolMaxBytes = builder.spoolMaxBytes;
    this.spoolFsync = builder.spoolFsync;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses flags such as {@code --collector host:port --interval 15s --label site=paris}, and the
   * YAML file that {@code --config} names, ignoring the environment.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing a value or invalid
   */
  public static AgentConfig parse(String... args) {
    return load(args, Map.of());
  }

  /**
   * Loads the YAML file named by {@code --config} or {@code VIGIL_AGENT_CONFIG}, then {@code
   * VIGIL_AGENT_*} variables, then flags: flags win over the environment, which wins over the file,
   * which wins over the defaults (see {@link ConfigLoader}).
   *
   * @throws IllegalArgumentException naming the file, line and key, the variable or the flag
   */
  public static AgentConfig load(String[] args, Map<String, String> env) {
    Builder builder = builder();
    SettingOrigins origins = ConfigLoader.load(args, env, builder);
    try {
      return builder.build();
    } catch (SettingException e) {
      throw origins.locate(e);
    }
  }

  /** Collectors in the order the agent tries them; at least one. */
  public List<CollectorAddress> collectors() {
    return collectors;
  }

  /** Time between ticks. */
  public Duration interval() {
    return interval;
  }

  /** Host name set explicitly, or empty to use the operating system's. */
  public Optional<String> hostName() {
    return Optional.ofNullable(hostName);
  }

  /** Host labels, read-only. */
  public Map<String, String> labels() {
    return labels;
  }

  /** CA certificates that verify the collector; empty for plaintext. */
  public Optional<Path> tlsCaFile() {
    return Optional.ofNullable(tlsCaFile);
  }

  /** Name expected in the collector's certificate, if not its address. */
  public Optional<String> tlsServerName() {
    return Optional.ofNullable(tlsServerName);
  }

  /** Whether plaintext to a collector beyond loopback was explicitly allowed. */
  public boolean allowPlaintextCollector() {
    return allowPlaintextCollector;
  }

  /** The token to present to the collector, if one is configured. */
  public Optional<AgentToken> token() {
    return Optional.ofNullable(token);
  }

  /** Where procfs is mounted. */
  public Path procRoot() {
    return procRoot;
  }

  /** Where sysfs is mounted. */
  public Path sysRoot() {
    return sysRoot;
  }

  /** Where the spool lives. */
  public Path stateDir() {
    return stateDir;
  }

  /** Upper bound of the spool's files in bytes. */
  public long spoolMaxBytes() {
    return spoolMaxBytes;
  }

  /** When the spool forces writes to disk. */
  public FsyncPolicy spoolFsync() {
    return spoolFsync;
  }

  /**
   * The default {@value #STATE_DIR} for this environment and operating system: the first of
   * systemd's {@code STATE_DIRECTORY} (colon-separated when a unit names several), else the
   * platform's place for service state.
   */
  static String defaultStateDir(Map<String, String> env, String osName) {
    String systemd = env.getOrDefault("STATE_DIRECTORY", "");
    if (!systemd.isEmpty()) {
      int colon = systemd.indexOf(':');
      return colon < 0 ? systemd : systemd.substring(0, colon);
    }
    if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      return env.getOrDefault("ProgramData", "C:\\ProgramData") + "\\Vigil\\agent";
    }
    return DEFAULT_UNIX_STATE_DIR;
  }

  /** Collects settings; each setter validates its own setting. */
  public static final class Builder implements SettingSink {
    private final List<CollectorAddress> collectors = new ArrayList<>();
    private Duration interval = DEFAULT_INTERVAL;
    private String hostName;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Path tlsCaFile;
    private String tlsServerName;
    private boolean allowPlaintextCollector;
    private AgentToken token;
    private Path procRoot = DEFAULT_PROC_ROOT;
    private Path sysRoot = DEFAULT_SYS_ROOT;
    private Path stateDir =
        Path.of(defaultStateDir(System.getenv(), System.getProperty("os.name", "")));
    private long spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;
    private FsyncPolicy spoolFsync = DEFAULT_SPOOL_FSYNC;

    private Builder() {}

    /**
     * Adds a {@value #COLLECTOR} from {@code host:port}, IPv6 hosts in brackets; the first one
     * given replaces the default.
     */
    public Builder collector(String hostPort) {
      collectors.add(address(hostPort));
      return this;
    }

    /** Sets {@value #INTERVAL}. */
    public Builder interval(Duration value) {
      if (value.compareTo(MIN_INTERVAL) < 0) {
        throw invalid(INTERVAL, "must be at least 1s", text(value));
      }
      interval = value;
      return this;
    }

    /** Sets {@value #HOST_NAME}. */
    public Builder hostName(String value) {
      if (value.isBlank()) {
        throw invalid(HOST_NAME, "must not be blank", value);
      }
      hostName = value.strip();
      return this;
    }

    /** Adds one {@value #LABEL}; a later value for the same name replaces an earlier one. */
    public Builder label(String name, String value) {
      if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__") || name.equals("instance")) {
        throw invalid(
            LABEL,
            "name must match [a-zA-Z_][a-zA-Z0-9_]*, not start with __ and not be instance",
            name);
      }
      labels.put(name, value);
      return this;
    }

    /** Sets {@value #TLS_CA_FILE}, after checking that it holds PEM certificates. */
    public Builder tlsCaFile(Path file) {
      try {
        CaCertificates.check(file);
      } catch (IllegalArgumentException e) {
        throw invalid(
            TLS_CA_FILE,
            "must be a PEM file of CA certificates (" + e.getMessage() + ")",
            file.toString());
      }
      tlsCaFile = file;
      return this;
    }

    /** Sets {@value #TLS_SERVER_NAME}. */
    public Builder tlsServerName(String name) {
      if (!SERVER_NAME.matcher(name).matches()) {
        throw invalid(TLS_SERVER_NAME, "must be a host name such as collector.example.org", name);
      }
      tlsServerName = name;
      return this;
    }

    /** Sets {@value #ALLOW_PLAINTEXT_COLLECTOR}. */
    public Builder allowPlaintextCollector(boolean allowed) {
      allowPlaintextCollector = allowed;
      return this;
    }

    /** Sets {@value #TOKEN_FILE} and reads the token from it. */
    public Builder tokenFile(Path file) {
      try {
        token = AgentToken.read(file);
      } catch (IOException e) {
        throw invalid(TOKEN_FILE, "must be a readable file (" + e + ")", file.toString());
      } catch (IllegalArgumentException e) {
        throw invalid(TOKEN_FILE, e.getMessage(), file.toString());
      }
      return this;
    }

    /** Sets {@value #PROC_ROOT}. */
    public Builder procRoot(Path value) {
      procRoot = value;
      return this;
    }

    /** Sets {@value #SYS_ROOT}. */
    public Builder sysRoot(Path value) {
      sysRoot = value;
      return this;
    }

    /** Sets {@value #STATE_DIR}. */
    public Builder stateDir(Path value) {
      stateDir = value;
      return this;
    }

    /** Sets {@value #SPOOL_MAX_BYTES}. */
    public Builder spoolMaxBytes(long value) {
      if (value < MIN_SPOOL_MAX_BYTES) {
        throw invalid(SPOOL_MAX_BYTES, "must be at least 1MiB", Long.toString(value));
      }
      spoolMaxBytes = value;
      return this;
    }

    /** Sets {@value #SPOOL_FSYNC}. */
    public Builder spoolFsync(FsyncPolicy value) {
      spoolFsync = value;
      return this;
    }

    /**
     * The validated configuration.
     *
     * @throws SettingException when settings contradict each other, e.g. a collector beyond
     *     loopback without TLS
     */
    public AgentConfig build() {
      checkTransport();
      return new AgentConfig(this);
    }

    @Override
    public void set(String name, String value) {
      switch (name) {
        case COLLECTOR -> collector(value);
        case INTERVAL -> interval(parseDuration(value));
        case HOST_NAME -> hostName(value);
        case LABEL -> label(value);
        case TLS_CA_FILE -> tlsCaFile(Path.of(value));
        case TLS_SERVER_NAME -> tlsServerName(value);
        case ALLOW_PLAINTEXT_COLLECTOR -> allowPlaintextCollector(parseSwitch(name, value));
        case TOKEN_FILE -> tokenFile(Path.of(value));
        case PROC_ROOT -> procRoot(Path.of(value));
        case SYS_ROOT -> sysRoot(Path.of(value));
        case STATE_DIR -> stateDir(Path.of(value));
        case SPOOL_MAX_BYTES -> spoolMaxBytes(parseSize(value));
        case SPOOL_FSYNC -> spoolFsync(parseFsync(value));
        default -> throw new IllegalArgumentException("--" + name + ": unknown setting");
      }
    }

    private void label(String pair) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw invalid(LABEL, "must be key=value", pair);
      }
      label(pair.substring(0, eq), pair.substring(eq + 1));
    }

    @Override
    public Set<String> names() {
      return NAMES;
    }

    @Override
    public SettingKind kind(String name) {
      return switch (name) {
        case COLLECTOR, LABEL -> SettingKind.REPEATED;
        case ALLOW_PLAINTEXT_COLLECTOR -> SettingKind.SWITCH;
        default -> SettingKind.SINGLE;
      };
    }

    private List<CollectorAddress> collectors() {
      return collectors.isEmpty() ? List.of(address(DEFAULT_COLLECTOR)) : List.copyOf(collectors);
    }

    /**
     * Plaintext only to loopback unless allowed, and the token never in clear text beyond it: a
     * token sent in clear could be replayed by anyone on the path.
     */
    private void checkTransport() {
      if (tlsServerName != null && tlsCaFile == null) {
        throw new SettingException(
            TLS_SERVER_NAME, "needs " + TLS_CA_FILE + ": it names the certificate TLS verifies");
      }
      if (tlsCaFile != null) {
        return;
      }
      for (CollectorAddress collector : collectors()) {
        if (collector.isLoopback()) {
          continue;
        }
        if (!allowPlaintextCollector) {
          throw new SettingException(
              COLLECTOR,
              collector
                  + " is not a loopback address: give "
                  + TLS_CA_FILE
                  + " to reach it over TLS, or "
                  + ALLOW_PLAINTEXT_COLLECTOR
                  + " on a network you trust",
              collector.toString());
        }
        if (token != null) {
          throw new SettingException(
              TOKEN_FILE,
              "the token would travel in clear text to " + collector + ": give " + TLS_CA_FILE);
        }
      }
    }
  }

  private static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw invalid(INTERVAL, "must be a duration like 15s, 1m or 500ms", text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static CollectorAddress address(String hostPort) {
    Matcher m = HOST_PORT.matcher(hostPort);
    int port = m.matches() ? parsePort(m.group(2)) : -1;
    if (port < 1 || port > 65535) {
      throw invalid(COLLECTOR, "must be host:port with a port from 1 to 65535", hostPort);
    }
    String host = m.group(1);
    return new CollectorAddress(
        host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
  }

  /** A duration as the settings spell it: 15s, 1m, 0.5s. */
  private static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static boolean parseSwitch(String setting, String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(setting, "must be true or false", text);
    };
  }

  private static long parseSize(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw invalid(SPOOL_MAX_BYTES, "must be a size like 64MiB, 512KiB or 1GiB", text);
    }
    int shift =
        switch (m.group(2)) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          default -> 0;
        };
    long amount = Long.parseLong(m.group(1));
    if (amount > Long.MAX_VALUE >> shift) {
      throw invalid(SPOOL_MAX_BYTES, "is too large", text);
    }
    return amount << shift;
  }

  private static FsyncPolicy parseFsync(String text) {
    try {
      return FsyncPolicy.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SettingException(SPOOL_FSYNC, e.getMessage());
    }
  }

  private static int parsePort(String digits) {
    return digits.length() > 5 ? -1 : Integer.parseInt(digits);
  }

  private static SettingException invalid(String setting, String rule, String got) {
    return new SettingException(setting, rule + ", got \"" + got + "\"");
  }
}
