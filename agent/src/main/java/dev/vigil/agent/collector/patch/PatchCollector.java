package dev.vigil.agent.collector.patch;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.util.PlatformEnum;

/**
 * Reports patch health: the cached outcome of the latest {@link PatchScanner} scan (pending
 * updates, by severity, oldest pending security release, last install and refresh, scan
 * success/duration/time) plus the reboot-required signal, derived on every tick from what is read
 * live then and from the latest scan, never kept from an earlier tick, so it clears by itself after
 * the reboot. Cheap on the tick: the package manager runs only on the scanner's threads; the tick
 * only stats a file (or reads a registry key) to notice an install and ask for a scan. On a host
 * without a supported package manager it emits nothing.
 */
public final class PatchCollector implements Collector, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PatchCollector.class);

  static final Metric UPDATES_PENDING =
      Metric.gauge("vigil_updates_pending", "Package updates waiting to be installed, by class.");
  static final Metric PENDING_BY_SEVERITY =
      Metric.gauge(
          "vigil_updates_pending_by_severity",
          "Security updates waiting to be installed, by severity.");
  static final Metric OLDEST_SECURITY =
      Metric.gauge(
          "vigil_updates_oldest_pending_security_timestamp_seconds",
          "Release of the oldest pending security update, in unixtime.");
  static final Metric LAST_INSTALL =
      Metric.gauge(
          "vigil_updates_last_install_timestamp_seconds",
          "End of the last successful package install or upgrade, in unixtime.");
  static final Metric LAST_REFRESH =
      Metric.gauge(
          "vigil_updates_last_refresh_timestamp_seconds",
          "Last refresh of the package lists, in unixtime.");
  static final Metric REBOOT_REQUIRED =
      Metric.gauge("vigil_reboot_required", "Whether a reboot is required, by reason.");
  static final Metric REBOOT_PACKAGES =
      Metric.gauge(
          "vigil_reboot_required_packages",
          "Packages that asked for a reboot since the last boot.");
  static final Metric NODE_REBOOT_REQUIRED =
      Metric.gauge("node_reboot_required", "Node reboot is required for software updates.");
  static final Metric SCAN_SUCCESS =
      Metric.gauge("vigil_patch_scan_success", "Whether the latest patch scan succeeded.");
  static final Metric SCAN_DURATION =
      Metric.gauge("vigil_patch_scan_duration_seconds", "Duration of the latest patch scan.");
  static final Metric SCAN_TIMESTAMP =
      Metric.gauge(
          "vigil_patch_scan_timestamp_seconds", "End of the latest patch scan, in unixtime.");

  private final PatchSource source;
  private final PatchScanner scanner;
  private final Clock clock;
  private final InstallWatcher installs = new InstallWatcher(InstallWatcher.QUIET);

  /** Scans the package manager of this host (Windows Update, or the first on the PATH), if any. */
  public PatchCollector(CollectorContext context) {
    this(forHost(context.platform(), Path.of("/")), context.clock());
  }

  private PatchCollector(PatchSource source, Clock clock) {
    this(
        source,
        source == null
            ? null
            : new PatchScanner(source, clock, PatchScanner.INTERVAL, PatchScanner.TIMEOUT),
        clock);
  }

  /** Reports {@code source} through {@code scanner}; both null when there is nothing to scan. */
  PatchCollector(PatchSource source, PatchScanner scanner, Clock clock) {
    this.source = source;
    this.scanner = scanner;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "patch";
  }

  /**
   * Starts the scanner on the first tick, asks for a scan after a settled install, then reports the
   * latest scan and the reboot signal.
   */
  @Override
  public void collect(MetricSink sink) throws Exception {
    if (source == null) {
      return;
    }
    scanner.start();
    if (installs.shouldScan(source.lastChange(), clock.instant())) {
      scanner.scanSoon();
    }
    PatchScan scan = scanner.latest();
    Optional<PatchStatus> status = Optional.empty();
    if (scan != null) {
      emitScan(scan, sink);
      status = scan.status();
    }
    emitReboot(status, sink);
  }

  /**
   * Waits at most {@code timeout} for the first scan (for {@code vigil-agent once}, which reports
   * one tick and would otherwise always miss it); true when a scan finished in time.
   */
  public boolean awaitFirstScan(Duration timeout) throws InterruptedException {
    return scanner == null || scanner.awaitFirst(timeout) != null;
  }

  /** Stops the scanner's threads. */
  @Override
  public void close() {
    if (scanner != null) {
      scanner.close();
    }
  }

  private static void emitScan(PatchScan scan, MetricSink sink) {
    sink.add(SCAN_SUCCESS, scan.success() ? 1 : 0);
    sink.add(SCAN_DURATION, scan.durationSeconds());
    sink.add(SCAN_TIMESTAMP, seconds(scan.finishedAt()));
    scan.status().ifPresent(status -> emitStatus(status, sink));
  }

  private static void emitStatus(PatchStatus status, MetricSink sink) {
    sink.add(UPDATES_PENDING, status.pending().security(), "class", "security");
    sink.add(UPDATES_PENDING, status.pending().other(), "class", "other");
    for (Map.Entry<Severity, Integer> entry : status.securityBySeverity().entrySet()) {
      sink.add(PENDING_BY_SEVERITY, entry.getValue(), "severity", entry.getKey().label());
    }
    status.oldestSecurityRelease().ifPresent(t -> sink.add(OLDEST_SECURITY, seconds(t)));
    status.lastInstall().ifPresent(t -> sink.add(LAST_INSTALL, seconds(t)));
    status.lastRefresh().ifPresent(t -> sink.add(LAST_REFRESH, seconds(t)));
  }

  /**
   * Live reasons are read now; scanned reasons come from the latest successful scan and are absent
   * without one. node_reboot_required is 1 when any reason is set, 0 when every reason is known and
   * none is set, and absent while a scanned reason is still unknown.
   */
  private void emitReboot(Optional<PatchStatus> status, MetricSink sink) throws Exception {
    Set<String> live = source.pendingRebootReasons();
    for (String reason : source.rebootReasons()) {
      sink.add(REBOOT_REQUIRED, live.contains(reason) ? 1 : 0, "reason", reason);
    }
    boolean scannedKnown = status.isPresent() || source.scannedRebootReasons().isEmpty();
    Set<String> scanned = status.map(PatchStatus::scannedRebootReasons).orElse(Set.of());
    if (status.isPresent()) {
      for (String reason : source.scannedRebootReasons()) {
        sink.add(REBOOT_REQUIRED, scanned.contains(reason) ? 1 : 0, "reason", reason);
      }
    }
    boolean any = !live.isEmpty() || !scanned.isEmpty();
    if (any || scannedKnown) {
      sink.add(NODE_REBOOT_REQUIRED, any ? 1 : 0);
    }
    OptionalInt packages = source.pendingRebootPackages();
    if (packages.isEmpty()) {
      packages = status.map(PatchStatus::rebootPackages).orElse(OptionalInt.empty());
    }
    packages.ifPresent(count -> sink.add(REBOOT_PACKAGES, count));
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1e3;
  }

  /** The source for this host's package manager, or null (logged once) when none is supported. */
  static PatchSource forHost(PlatformEnum platform, Path root) {
    Optional<PatchSourceChooser.Kind> kind =
        PatchSourceChooser.choose(platform, System.getenv("PATH"), Files::isExecutable);
    if (kind.isEmpty()) {
      LOG.info(
          "no supported package manager (apt-get, dnf, yum, zypper) on the PATH:"
              + " patch health is not reported");
      return null;
    }
    ZoneId zone = ZoneId.systemDefault();
    ProcessOutputReader process = new ProcessOutputReader(PatchScanner.TIMEOUT);
    return switch (kind.get()) {
      case APT -> new AptPatchSource(root, zone, process);
      case DNF -> new DnfPatchSource(DnfPatchSource.Flavour.DNF, root, zone, process);
      case YUM -> new DnfPatchSource(DnfPatchSource.Flavour.YUM, root, zone, process);
      case ZYPPER -> new ZypperPatchSource(root, zone, process);
      case WINDOWS_UPDATE ->
          new WindowsUpdateSource(new WuaClient()::read, new JnaWindowsRegistry());
    };
  }
}
