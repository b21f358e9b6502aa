package dev.vigil.agent.collector.system;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.procfs.NameTable;
import dev.vigil.agent.collector.procfs.TextFileReader;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import oshi.software.os.NetworkParams;
import oshi.software.os.OperatingSystem;
import oshi.util.PlatformEnum;

/**
 * Reports {@code node_uname_info}, {@code node_boot_time_seconds} and {@code node_time_seconds}.
 */
public final class SystemCollector implements Collector {
  static final Metric UNAME_INFO =
      Metric.gauge(
          "node_uname_info", "Labeled system information as provided by the uname system call.");
  static final Metric BOOT_TIME =
      Metric.gauge("node_boot_time_seconds", "Node boot time, in unixtime.");
  static final Metric TIME =
      Metric.gauge("node_time_seconds", "System time in seconds since epoch (1970).");

  private final OperatingSystem os;
  private final Clock clock;
  private final Path kernelDir;
  private final TextFileReader file = new TextFileReader(256);

  /** The files hardly ever change, so each read returns the String the last one made. */
  private final NameTable contents = new NameTable();

  /** Reads the identity and clock of {@code context}'s host. */
  public SystemCollector(CollectorContext context) {
    this.os = context.systemInfo().getOperatingSystem();
    this.clock = context.clock();
    this.kernelDir =
        context.platform() == PlatformEnum.LINUX
            ? context.procRoot().resolve("sys").resolve("kernel")
            : null;
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    emitUname(kernelDir != null ? readKernelUname() : oshiUname(), sink);
    sink.add(BOOT_TIME, os.getSystemBootTime());
    sink.add(TIME, clock.millis() / 1000.0);
  }

  static void emitUname(Uname u, MetricSink sink) {
    sink.add(
        UNAME_INFO,
        1,
        "sysname",
        u.sysname(),
        "release",
        u.release(),
        "version",
        u.version(),
        "machine",
        u.machine(),
        "nodename",
        u.nodename(),
        "domainname",
        u.domainname());
  }

  private Uname readKernelUname() throws IOException {
    Map<String, String> files = new HashMap<>();
    for (String name : Uname.KERNEL_FILES) {
      int length = file.read(kernelDir.resolve(name));
      byte[] buffer = file.buffer();
      // Without the newline, so that stripping it does not make a new String every tick.
      int end = length > 0 && buffer[length - 1] == '\n' ? length - 1 : length;
      files.put(name, contents.name(buffer, 0, end));
    }
    return Uname.fromKernelFiles(files, System.getProperty("os.arch"));
  }

  /** Outside Linux there is no uname(2) to read; OSHI's view is the closest honest equivalent. */
  private Uname oshiUname() {
    NetworkParams net = os.getNetworkParams();
    OperatingSystem.OSVersionInfo version = os.getVersionInfo();
    return new Uname(
        orEmpty(os.getFamily()),
        orEmpty(version.getVersion()),
        orEmpty(version.getBuildNumber()),
        Uname.machine(System.getProperty("os.arch")),
        orEmpty(net.getHostName()),
        orEmpty(net.getDomainName()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
