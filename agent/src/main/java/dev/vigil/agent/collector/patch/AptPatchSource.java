package dev.vigil.agent.collector.patch;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Patch health from apt: a simulated {@code dist-upgrade} (works unprivileged, takes no lock),
 * history.log for the last install and the periodic stamps for the last refresh. apt knows no
 * severity and no release date for an update, so this source gives neither a by-severity count nor
 * the age of the oldest pending update.
 */
final class AptPatchSource implements PatchSource {
  static final List<String> COMMAND =
      List.of("apt-get", "-s", "-o", "Debug::NoLocking=true", "dist-upgrade");

  private final ProcessOutputReader process;
  private final AptHistoryReader history;
  private final AptRefreshReader refresh;
  private final DebianRebootReader reboot;

  /** Reads apt's files below {@code root} (normally /), local log times in {@code zone}. */
  AptPatchSource(Path root, ZoneId zone, ProcessOutputReader process) {
    this.process = process;
    this.history = new AptHistoryReader(root.resolve("var/log/apt"), zone);
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
    return new PatchStatus(pending, history.lastInstall(), refresh.lastRefresh());
  }

  @Override
  public List<String> rebootReasons() {
    return DebianRebootReader.REASONS;
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return reboot.pendingReasons();
  }
}
