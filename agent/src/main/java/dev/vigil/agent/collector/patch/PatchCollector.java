package dev.vigil.agent.collector.patch;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports patch health: the cached outcome of the latest {@link PatchScanner} scan (pending
 * updates, last install and refresh, scan success/duration/time) plus the reboot-required signal,
 * read live on every tick so it clears by itself after the reboot. Cheap on the tick: the package
 * manager runs only on the scanner's threads. On a host without a supported package manager it
 * emits nothing.
 */
public final class PatchCollector implements Collector {
  private static final Logger LOG = LoggerFactory.getLogger(PatchCollector.class);

  static final Metric UPDATES_PENDING =
      Metric.gauge("vigil_updates_pending", "Package updates waiting to be installed, by class.");
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

  /** Scans the package manager found on this host's PATH, if any. */
  public PatchCollector(CollectorContext context) {
    this(forHost(Path.of("/")), context.clock());
  }

  private PatchCollector(PatchSource source, Clock clock) {
    this(
        source,
        source == null
            ? null
            : new PatchScanner(source, clock, PatchScanner.INTERVAL, PatchScanner.TIMEOUT));
  }

  /** Reports {@code source} through {@code scanner}; both null when there is nothing to scan. */
  PatchCollector(PatchSource source, PatchScanner scanner) {
    this.source = source;
    this.scanner = scanner;
  }

  @Override
  public String name() {
    return "patch";
  }

  /** Starts the scanner on the first tick, then reports its latest outcome and the reboot flag. */
  @Override
  public void collect(MetricSink sink) throws Exception {
    if (source == null) {
      return;
    }
    scanner.start();
    PatchScan scan = scanner.latest();
    if (scan != null) {
      emitScan(scan, sink);
    }
    emitReboot(source.pendingRebootReasons(), sink);
  }

  private static void emitScan(PatchScan scan, MetricSink sink) {
    sink.add(SCAN_SUCCESS, scan.success() ? 1 : 0);
    sink.add(SCAN_DURATION, scan.durationSeconds());
    sink.add(SCAN_TIMESTAMP, scan.finishedAt().toEpochMilli() / 1000.0);
    scan.status()
        .ifPresent(
            status -> {
              sink.add(UPDATES_PENDING, status.pending().security(), "class", "security");
              sink.add(UPDATES_PENDING, status.pending().other(), "class", "other");
              status.lastInstall().ifPresent(t -> sink.add(LAST_INSTALL, t.toEpochMilli() / 1e3));
              status.lastRefresh().ifPresent(t -> sink.add(LAST_REFRESH, t.toEpochMilli() / 1e3));
            });
  }

  private void emitReboot(Set<String> pending, MetricSink sink) {
    for (String reason : source.rebootReasons()) {
      sink.add(REBOOT_REQUIRED, pending.contains(reason) ? 1 : 0, "reason", reason);
    }
    sink.add(NODE_REBOOT_REQUIRED, pending.isEmpty() ? 0 : 1);
  }

  /** The source for this host's package manager, or null (logged once) when none is supported. */
  static PatchSource forHost(Path root) {
    Optional<PatchSourceChooser.Kind> kind =
        PatchSourceChooser.choose(System.getenv("PATH"), Files::isExecutable);
    if (kind.isEmpty()) {
      LOG.info("no supported package manager (apt-get) on the PATH: patch health is not reported");
      return null;
    }
    return switch (kind.get()) {
      case APT ->
          new AptPatchSource(
              root, ZoneId.systemDefault(), new ProcessOutputReader(PatchScanner.TIMEOUT));
    };
  }
}
