package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnfPatchSourceTest {
  private static final Instant INSTALL = Instant.parse("2023-10-07T12:25:51Z");

  @TempDir Path root;

  @Test
  void shouldCountAnUpgradeAsSecurityWithTheWorstSeverityOfItsAdvisories() {
    // 389-ds-base has five Moderate and seven Important advisories pending in the fixture.
    List<DnfAdvisoryParser.Advisory> advisories =
        DnfAdvisoryParser.parse(Fixtures.read("yum-updateinfo-list-security.txt"), ZoneOffset.UTC);
    Set<String> pending = Set.of("389-ds-base.x86_64", "bash.x86_64", "curl.x86_64");

    PatchStatus status =
        DnfPatchSource.status(
            pending, advisories, List.of("glibc"), Optional.of(INSTALL), Optional.empty());

    assertEquals(new PendingUpdates(1, 2), status.pending());
    assertEquals(1, status.securityBySeverity().get(Severity.IMPORTANT));
    assertEquals(0, status.securityBySeverity().get(Severity.MODERATE));
    assertEquals(Optional.empty(), status.oldestSecurityRelease());
    assertEquals(Set.of(DnfPatchSource.PACKAGES), status.scannedRebootReasons());
    assertEquals(OptionalInt.of(1), status.rebootPackages());
    assertEquals(Optional.of(INSTALL), status.lastInstall());
  }

  @Test
  void shouldTakeTheOldestIssueDateOfPendingSecurityAdvisories() {
    List<DnfAdvisoryParser.Advisory> advisories =
        DnfAdvisoryParser.parse(Fixtures.read("dnf5-advisory-list.txt"), ZoneOffset.UTC);

    PatchStatus status =
        DnfPatchSource.status(
            Set.of("flac.x86_64"), advisories, List.of(), Optional.empty(), Optional.empty());

    assertEquals(
        Optional.of(Instant.parse("2019-01-17T00:00:00Z")), status.oldestSecurityRelease());
    assertEquals(Set.of(), status.scannedRebootReasons());
  }

  @Test
  void shouldIgnoreAdvisoriesForPackagesWithNoPendingUpgrade() {
    List<DnfAdvisoryParser.Advisory> advisories =
        DnfAdvisoryParser.parse(Fixtures.read("dnf-list-sec-unknown.txt"), ZoneOffset.UTC);

    PatchStatus status =
        DnfPatchSource.status(
            Set.of("bash.x86_64"), advisories, List.of(), Optional.empty(), Optional.empty());

    assertEquals(new PendingUpdates(0, 1), status.pending());
    assertEquals(
        Map.of(
            Severity.CRITICAL, 0,
            Severity.IMPORTANT, 0,
            Severity.MODERATE, 0,
            Severity.LOW, 0,
            Severity.UNKNOWN, 0),
        status.securityBySeverity());
  }

  @Test
  void shouldMarkInstallsByTheRpmDatabaseAndRefreshesByThePrimaryMetadata() throws IOException {
    DnfPatchSource dnf =
        new DnfPatchSource(
            DnfPatchSource.Flavour.DNF,
            root,
            ZoneOffset.UTC,
            new ProcessOutputReader(Duration.ofSeconds(5)));
    touch("var/lib/rpm/rpmdb.sqlite", INSTALL);
    Instant older = Instant.parse("2024-05-15T05:17:09Z");
    Instant newer = Instant.parse("2024-05-15T14:17:09Z");
    touch("var/cache/dnf/baseos-f8b3a1c4/repodata/4a2b-primary.xml.gz", older);
    touch("var/cache/libdnf5/updates-3e1c/repodata/9c1d-primary.xml.zck", newer);
    touch("var/cache/libdnf5/updates-3e1c/repodata/repomd.xml", newer.plusSeconds(60));

    assertEquals(Optional.of(INSTALL), dnf.lastChange());
    assertEquals(Optional.of(newer), dnf.lastRefresh());
    assertEquals(List.of(DnfPatchSource.PACKAGES), dnf.scannedRebootReasons());
    assertEquals(List.of(), dnf.rebootReasons());
  }

  private void touch(String relative, Instant mtime) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "");
    Files.setLastModifiedTime(path, FileTime.from(mtime));
  }
}
