package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Patch health from apt: a simulated {@code dist-upgrade} (works unprivileged, takes no lock),
 * history.log (else dpkg.log) for the last install and the periodic stamps for the last refresh.
 * apt knows no severity and no release date for an update, so this source gives neither a
 * by-severity count nor the age of the oldest pending update.
 */
final class AptPatchSource implements PatchSource {
  static final List<String> COMMAND =
      List.of("apt-get", "-s", "-o", "Debug::NoLocking=true", "dist-upgrade");

  /** dpkg rewrites its status file on every install, upgrade and removal. */
  static final List<String> CHANGE_MARKERS = List.of("var/lib/dpkg/status");

  private final Path root;
  private final ZoneId zone;
  private final ProcessOutputReader process;
  private final RotatedLogReader history;
  private final RotatedLogReader dpkgLog;
  private final AptRefreshReader refresh;
  private final DebianRebootReader reboot;

  /** Reads apt's files below {@code root} (normally /), local log times in {@code zone}. */
  AptPatchSource(Path root, ZoneId zone, ProcessOutputReader process) {
    this.root = root;
    this.zone = zone;
    this.process = process;
    this.history = new RotatedLogReader(root.resolve("var/log/apt"), "history.log");
    this.dpkgLog = new RotatedLogReader(root.resolve("var/log"), "dpkg.log");
    this.refresh = new AptRefreshReader(root);
    this.reboot = new DebianRebootReader(root);
  }

  @Override
  public String name() {
    return "apt";
  }

  @Override
  public PatchStatus scan() throws Exception {
    PendingUpdates pending = AptSimulationParser.parse(process.run(COMMAND));
    return new PatchStatus(pending, lastInstall(), refresh.lastRefresh());
  }

  /** history.log first: it records only finished apt runs; dpkg.log when it holds none. */
  Optional<Instant> lastInstall() throws IOException {
    Optional<Instant> fromHistory = history.newest(log -> AptHistoryParser.lastInstall(log, zone));
    if (fromHistory.isPresent()) {
      return fromHistory;
    }
    return dpkgLog.newest(log -> DpkgLogParser.lastInstall(log, zone));
  }

  @Override
  public List<String> rebootReasons() {
    return DebianRebootReader.REASONS;
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return reboot.pendingReasons();
  }

  @Override
  public OptionalInt pendingRebootPackages() throws IOException {
    return reboot.pendingPackages();
  }

  @Override
  public Optional<Instant> lastChange() throws IOException {
    return FileTimes.newest(root, CHANGE_MARKERS);
  }
}
