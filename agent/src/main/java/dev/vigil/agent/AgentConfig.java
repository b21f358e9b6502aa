package dev.vigil.agent;

import dev.vigil.agent.spool.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every agent setting in one place: each has one name, one default and one validation step whose
 * error names it. Built from command-line flags ({@link #parse}) or in code ({@link #builder}). The
 * connection is plaintext for now; TLS settings arrive with a later issue.
 */
public final class AgentConfig {
  /** Collector address, {@code host:port}. */
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

  private final String collectorHost;
  private final int collectorPort;
  private final Duration interval;
  private final String hostName;
  private final Map<String, String> labels;
  private final Path procRoot;
  private final Path sysRoot;
  private final Path stateDir;
  private final long spoolMaxBytes;
  private final FsyncPolicy spoolFsync;

  private AgentConfig(Builder builder) {
    this.collectorHost = builder.collectorHost;
    this.collectorPort = builder.collectorPort;
    this.interval = builder.interval;
    this.hostName = builder.hostName;
    this.labels = Map.copyOf(builder.labels);
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
   * Parses flags such as {@code --collector host:port --interval 15s --label site=paris}.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing a value or invalid
   */
  public static AgentConfig parse(String... args) {
    Builder builder = builder();
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (!flag.startsWith("--")) {
        throw new IllegalArgumentException("expected a --flag, got \"" + flag + "\"");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + ": missing value");
      }
      builder.set(flag.substring(2), args[i + 1]);
    }
    return builder.build();
  }

  /** Collector host name or address. */
  public String collectorHost() {
    return collectorHost;
  }

  /** Collector port. */
  public int collectorPort() {
    return collectorPort;
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
  public static final class Builder {
    private String collectorHost;
    private int collectorPort;
    private Duration interval = DEFAULT_INTERVAL;
    private String hostName;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Path procRoot = DEFAULT_PROC_ROOT;
    private Path sysRoot = DEFAULT_SYS_ROOT;
    private Path stateDir =
        Path.of(defaultStateDir(System.getenv(), System.getProperty("os.name", "")));
    private long spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;
    private FsyncPolicy spoolFsync = DEFAULT_SPOOL_FSYNC;

    private Builder() {
      collector(DEFAULT_COLLECTOR);
    }

    /** Sets {@value #COLLECTOR} from {@code host:port}; IPv6 hosts go in brackets. */
    public Builder collector(String hostPort) {
      Matcher m = HOST_PORT.matcher(hostPort);
      int port = m.matches() ? parsePort(m.group(2)) : -1;
      if (port < 1 || port > 65535) {
        throw invalid(COLLECTOR, "must be host:port with a port from 1 to 65535", hostPort);
      }
      String host = m.group(1);
      collectorHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      collectorPort = port;
      return this;
    }

    /** Sets {@value #INTERVAL}. */
    public Builder interval(Duration value) {
      if (value.compareTo(MIN_INTERVAL) < 0) {
        throw invalid(INTERVAL, "must be at least 1s", value.toString());
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

    /** The validated configuration. */
    public AgentConfig build() {
      return new AgentConfig(this);
    }

    private void set(String name, String value) {
      switch (name) {
        case COLLECTOR -> collector(value);
        case INTERVAL -> interval(parseDuration(value));
        case HOST_NAME -> hostName(value);
        case LABEL -> label(value);
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
      throw new IllegalArgumentException("--" + SPOOL_FSYNC + ": " + e.getMessage(), e);
    }
  }

  private static int parsePort(String digits) {
    return digits.length() > 5 ? -1 : Integer.parseInt(digits);
  }

  private static IllegalArgumentException invalid(String setting, String rule, String got) {
    return new IllegalArgumentException("--" + setting + ": " + rule + ", got \"" + got + "\"");
  }
}
