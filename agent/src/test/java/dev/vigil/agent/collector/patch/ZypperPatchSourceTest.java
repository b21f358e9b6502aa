package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zypper's parsers on real outputs (sources in src/test/resources/patch/README.md). */
class ZypperPatchSourceTest {

  @TempDir Path root;

  @Test
  void shouldCountThePackageUpdatesOfBothXmlLayouts() throws IOException {
    assertEquals(3, ZypperXmlParser.packageUpdates(Fixtures.read("zypper-list-updates-sle12.xml")));
    assertEquals(
        4, ZypperXmlParser.packageUpdates(Fixtures.read("zypper-list-updates-leap16.xml")));
  }

  @Test
  void shouldReadEachSecurityPatchsSeverityAndIssueDate() throws IOException {
    List<ZypperXmlParser.Patch> patches =
        ZypperXmlParser.patches(Fixtures.read("zypper-list-patches-security-leap16.xml"));

    assertEquals(
        List.of(
            new ZypperXmlParser.Patch(
                "openSUSE-Leap-16.0-112",
                Severity.IMPORTANT,
                Optional.of(Instant.parse("2025-12-18T12:42:03Z")))),
        patches);
    assertEquals(
        List.of(), ZypperXmlParser.patches(Fixtures.read("zypper-list-updates-sle12.xml")));
  }

  @Test
  void shouldRefuseOutputThatIsNotAnUpdateList() {
    assertThrows(
        IOException.class, () -> ZypperXmlParser.packageUpdates("System management is locked"));
    assertThrows(
        IOException.class,
        () -> ZypperXmlParser.packageUpdates("<?xml version='1.0'?>\n<stream>\n</stream>\n"));
  }

  @Test
  void shouldReportSecurityPatchesBySeverityAndOtherPackageUpdates() throws IOException {
    PatchStatus status =
        ZypperPatchSource.status(
            ZypperXmlParser.packageUpdates(Fixtures.read("zypper-list-updates-leap16.xml")),
            ZypperXmlParser.patches(Fixtures.read("zypper-list-patches-security-leap16.xml")),
            Optional.empty(),
            Optional.empty());

    assertEquals(new PendingUpdates(1, 4), status.pending());
    assertEquals(1, status.securityBySeverity().get(Severity.IMPORTANT));
    assertEquals(
        Optional.of(Instant.parse("2025-12-18T12:42:03Z")), status.oldestSecurityRelease());
  }

  @Test
  void shouldTakeTheNewestInstallRecordOfTheHistory() {
    assertEquals(
        Optional.of(Instant.parse("2026-02-18T10:32:35Z")),
        ZypperHistoryParser.lastInstall(Fixtures.read("zypp-history"), ZoneOffset.UTC));
    assertEquals(
        Optional.empty(),
        ZypperHistoryParser.lastInstall(Fixtures.read("zypp-history-commands"), ZoneOffset.UTC));
  }

  @Test
  void shouldReadTheRebootFlagLiveAndTheRepositoryCacheForTheRefresh() throws Exception {
    ZypperPatchSource zypper =
        new ZypperPatchSource(root, ZoneOffset.UTC, new ProcessOutputReader(Duration.ofSeconds(5)));
    assertEquals(Set.of(), zypper.pendingRebootReasons());

    Path flag = root.resolve("run/reboot-needed");
    Files.createDirectories(flag.getParent());
    Files.writeString(flag, "");
    assertEquals(Set.of(DebianRebootReader.PACKAGES), zypper.pendingRebootReasons());
    Files.delete(flag);
    assertEquals(Set.of(), zypper.pendingRebootReasons());

    Instant refreshed = Instant.parse("2025-12-19T08:00:00Z");
    Path repomd = root.resolve("var/cache/zypp/raw/repo-oss/repodata/repomd.xml");
    Files.createDirectories(repomd.getParent());
    Files.writeString(repomd, "");
    Files.setLastModifiedTime(repomd, FileTime.from(refreshed));
    assertEquals(Optional.of(refreshed), zypper.lastRefresh());
  }
}
