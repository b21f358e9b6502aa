package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WuaStatusBuilderTest {
  private static final List<String> SECURITY =
      List.of(WuaStatusBuilder.SECURITY_CLASSIFICATION.toUpperCase(java.util.Locale.ROOT));

  /**
   * Recorded search results. Windows Server 2016, 2019-10 (Title, MsrcSeverity, Categories
   * "Security Updates,Windows Server 2016"): the baseline JSON in the README of the
   * WindowsPatchPlaybooks project; the CategoryID kept is that of "Security Updates", the product
   * category's id was not recorded. Windows Server 2012 R2 (Title, MsrcSeverity,
   * LastDeploymentChangeTime "02-10-2015 12:00:00 AM" and "11-14-2017 12:00:00 AM", local time of a
   * UTC host): the example fact in the README of the Puppet module updatereporting_win, whose
   * titles name the Security Updates classification. Configuration Manager Client: the update named
   * in the win_updates log of ansible/ansible#51334, whose categories were not recorded.
   */
  private static final List<WuaResult.Update> PENDING =
      List.of(
          new WuaResult.Update(
              "2019-10 Servicing Stack Update for Windows Server 2016 for x64-based Systems"
                  + " (KB4521858)",
              "Critical",
              SECURITY,
              Optional.empty()),
          new WuaResult.Update(
              "2019-10 Cumulative Update for Windows Server 2016 for x64-based Systems"
                  + " (KB4519998)",
              "Critical",
              SECURITY,
              Optional.empty()),
          new WuaResult.Update(
              "Security Update for Windows Server 2012 R2 (KB3000483)",
              "Critical",
              SECURITY,
              Optional.of(Instant.parse("2015-02-10T00:00:00Z"))),
          new WuaResult.Update(
              "2017-11 Security Only Quality Update for Windows Server 2012 R2 for x64-based"
                  + " Systems (KB4048961)",
              "Critical",
              SECURITY,
              Optional.of(Instant.parse("2017-11-14T00:00:00Z"))),
          new WuaResult.Update(
              "Configuration Manager Client (5.00.8692.1000)", null, List.of(), Optional.empty()));

  /** Operation and result codes as WUA defines them (1 installation, 2 succeeded, 4 failed). */
  private static final List<WuaResult.HistoryEntry> HISTORY =
      List.of(
          new WuaResult.HistoryEntry(
              "2019-09 Cumulative Update for Windows Server 2016 for x64-based Systems"
                  + " (KB4516044)",
              1,
              2,
              Instant.parse("2019-09-11T03:12:44Z")),
          new WuaResult.HistoryEntry(
              "2019-10 Cumulative Update for Windows Server 2016 for x64-based Systems"
                  + " (KB4519998)",
              1,
              4,
              Instant.parse("2019-10-09T03:05:10Z")),
          new WuaResult.HistoryEntry(
              "2019-09 Cumulative Update for Windows Server 2016 for x64-based Systems"
                  + " (KB4516044)",
              2,
              2,
              Instant.parse("2019-10-10T08:00:00Z")));

  @Test
  void shouldSplitBySecurityClassificationAndCountBySeverity() {
    PatchStatus status =
        WuaStatusBuilder.status(new WuaResult(PENDING, HISTORY, false, Optional.empty()));

    assertEquals(new PendingUpdates(4, 1), status.pending());
    assertEquals(4, status.securityBySeverity().get(Severity.CRITICAL));
    assertEquals(0, status.securityBySeverity().get(Severity.UNKNOWN));
    assertEquals(
        Optional.of(Instant.parse("2015-02-10T00:00:00Z")), status.oldestSecurityRelease());
    assertEquals(Set.of(), status.scannedRebootReasons());
    assertEquals(OptionalInt.empty(), status.rebootPackages());
  }

  @Test
  void shouldTakeTheLastInstallFromSuccessfulInstallationsOnly() {
    PatchStatus status =
        WuaStatusBuilder.status(new WuaResult(PENDING, HISTORY, false, Optional.empty()));

    assertEquals(Optional.of(Instant.parse("2019-09-11T03:12:44Z")), status.lastInstall());
  }

  @Test
  void shouldReportTheAgentsRebootFlagAndLastSearch() {
    Instant searched = Instant.parse("2019-10-12T02:00:00Z");

    PatchStatus status =
        WuaStatusBuilder.status(new WuaResult(List.of(), List.of(), true, Optional.of(searched)));

    assertEquals(new PendingUpdates(0, 0), status.pending());
    assertEquals(Set.of(WuaStatusBuilder.UPDATE_AGENT), status.scannedRebootReasons());
    assertEquals(Optional.of(searched), status.lastRefresh());
    assertEquals(Optional.empty(), status.lastInstall());
    assertEquals(Optional.empty(), status.oldestSecurityRelease());
  }

  @Test
  void shouldScanThroughTheAgentAndMarkInstallsByTheServicingPackagesKey() throws Exception {
    FakeWindowsRegistry registry = new FakeWindowsRegistry();
    Instant written = Instant.parse("2019-10-09T03:05:10Z");
    registry.lastWrites.put(WindowsUpdateSource.PACKAGES_KEY, written);
    registry.keys.add(WindowsRebootReader.WINDOWS_UPDATE_KEY);
    WindowsUpdateSource source =
        new WindowsUpdateSource(
            () -> new WuaResult(PENDING, HISTORY, true, Optional.empty()), registry);

    assertEquals(new PendingUpdates(4, 1), source.scan().pending());
    assertEquals(Optional.of(written), source.lastChange());
    assertEquals(Set.of(WindowsRebootReader.WINDOWS_UPDATE), source.pendingRebootReasons());
    assertEquals(List.of(WuaStatusBuilder.UPDATE_AGENT), source.scannedRebootReasons());
  }
}
