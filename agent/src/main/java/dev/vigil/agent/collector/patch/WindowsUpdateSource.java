package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Patch health from the Windows Update Agent (pending updates, severity, release dates, install
 * history, last search) plus the registry's reboot-pending signals, read live on every tick. WUA's
 * own {@code RebootRequired} is read with each scan: creating WUA objects starts the update
 * service, which a tick every few seconds would keep from ever stopping.
 */
final class WindowsUpdateSource implements PatchSource {
  /** The CBS package list gains a subkey whenever Windows installs an update. */
  static final String PACKAGES_KEY =
      "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";

  private final Callable<WuaResult> agent;
  private final WindowsRegistry registry;
  private final WindowsRebootReader reboot;

  /**
   * Asks {@code agent} on each scan (normally {@link WuaClient#read()}); reads {@code registry}.
   */
  WindowsUpdateSource(Callable<WuaResult> agent, WindowsRegistry registry) {
    this.agent = agent;
    this.registry = registry;
    this.reboot = new WindowsRebootReader(registry);
  }

  @Override
  public String name() {
    return "windows_update";
  }

  @Override
  public PatchStatus scan() throws Exception {
    return WuaStatusBuilder.status(agent.call());
  }

  @Override
  public List<String> rebootReasons() {
    return WindowsRebootReader.REASONS;
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return reboot.pendingReasons();
  }

  @Override
  public List<String> scannedRebootReasons() {
    return List.of(WuaStatusBuilder.UPDATE_AGENT);
  }

  @Override
  public Optional<Instant> lastChange() {
    return registry.lastWrite(PACKAGES_KEY);
  }
}
