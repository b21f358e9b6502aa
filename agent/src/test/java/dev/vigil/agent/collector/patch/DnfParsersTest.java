package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.agent.collector.patch.DnfAdvisoryParser.Advisory;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dnf/yum parsers on real outputs (sources in src/test/resources/patch/README.md). */
class DnfParsersTest {

  @Test
  void shouldListTheUpgradesOfDnf4CheckUpdateAndSkipTheExpirationLine() {
    Set<String> upgrades =
        DnfCheckUpdateParser.pendingUpgrades(Fixtures.read("dnf-check-update-fedora25.txt"));

    assertEquals(10, upgrades.size(), upgrades.toString());
    assertEquals("PackageKit.x86_64", upgrades.iterator().next());
    assertEquals(true, upgrades.contains("cockpit-shell.noarch"));
  }

  @Test
  void shouldJoinAnEntryWhoseNameOverflowsItsColumnWithTheIndentedLineAfterIt() {
    Set<String> upgrades =
        DnfCheckUpdateParser.pendingUpgrades(
            Fixtures.read("yum-check-update-rhel6-name-wrapped.txt"));

    assertEquals(
        List.of(
            "ConsoleKit.x86_64",
            "ConsoleKit-libs.x86_64",
            "ImageMagick.x86_64",
            "Red_Hat_Enterprise_Linux-Release_Notes-6-en-US.noarch",
            "abrt.x86_64",
            "abrt-addon-ccpp.x86_64",
            "abrt-addon-kerneloops.x86_64"),
        List.copyOf(upgrades));
  }

  @Test
  void shouldJoinAnEntryWhoseVersionOverflowsItsColumnWithTheIndentedLineAfterIt() {
    Set<String> upgrades =
        DnfCheckUpdateParser.pendingUpgrades(
            Fixtures.read("yum-check-update-el6-version-wrapped.txt"));

    assertEquals(
        List.of("libnl.x86_64", "libpcap.x86_64", "libproxy.x86_64"), List.copyOf(upgrades));
  }

  @Test
  void shouldStopDnf5CheckUpgradeAtTheObsoletingList() {
    Set<String> upgrades =
        DnfCheckUpdateParser.pendingUpgrades(Fixtures.read("dnf5-check-upgrade.txt"));

    assertEquals(
        Set.of(
            "apparmor-libs.x86_64",
            "proton-vpn-daemon.noarch",
            "proton-vpn-gtk-app.noarch",
            "python3-proton-vpn-api-core.aarch64",
            "python3-proton-vpn-api-core.x86_64"),
        upgrades);
  }

  @Test
  void shouldParseYumAndDnf4AdvisoryLinesWithTheirSeverity() {
    List<Advisory> yum =
        DnfAdvisoryParser.parse(Fixtures.read("yum-updateinfo-list-security.txt"), ZoneOffset.UTC);

    assertEquals(13, yum.size());
    assertEquals(
        new Advisory(
            "RHSA-2016:2594",
            Severity.MODERATE,
            "389-ds-base-1.3.5.10-11.el7.x86_64",
            Optional.empty()),
        yum.get(4));
    assertEquals("389-ds-base-libs.x86_64", yum.get(12).nameArch());

    List<Advisory> fedora =
        DnfAdvisoryParser.parse(Fixtures.read("dnf-list-sec-fedora.txt"), ZoneOffset.UTC);
    assertEquals(1, fedora.size());
    assertEquals("TurboGears.noarch", fedora.get(0).nameArch());

    Advisory unknown =
        DnfAdvisoryParser.parse(Fixtures.read("dnf-list-sec-unknown.txt"), ZoneOffset.UTC).get(0);
    assertEquals(Severity.UNKNOWN, unknown.severity());
  }

  @Test
  void shouldReadTheIssueDateOfDnf5AdvisoriesAndSkipTheHeader() {
    List<Advisory> advisories =
        DnfAdvisoryParser.parse(Fixtures.read("dnf5-advisory-list.txt"), ZoneOffset.UTC);

    assertEquals(2, advisories.size());
    assertEquals(
        new Advisory(
            "FEDORA-2018-318f184112",
            Severity.MODERATE,
            "flac-1.4.0-1.fc29.x86_64",
            Optional.of(Instant.parse("2019-01-19T00:00:00Z"))),
        advisories.get(0));
  }

  @Test
  void shouldSplitNameAndArchAroundAnEpochAndDashesInTheName() {
    assertEquals("openssl.x86_64", Nevra.nameArch("openssl-1:3.0.7-6.el9_2.x86_64"));
    assertEquals("389-ds-base.x86_64", Nevra.nameArch("389-ds-base-1.3.1.6-26.el7_0.x86_64"));
  }

  @Test
  void shouldListThePackagesNeedsRestartingNamesWhenItExitsOne() throws IOException {
    assertEquals(
        List.of("glibc", "linux-firmware"),
        NeedsRestartingParser.rebootPackages(1, Fixtures.read("needs-restarting-reboot.txt")));
    assertEquals(
        List.of(),
        NeedsRestartingParser.rebootPackages(0, Fixtures.read("needs-restarting-none.txt")));
  }

  @Test
  void shouldRefuseAnExitOneThatIsNotAVerdict() {
    String missingPlugin = "No such command: needs-restarting. Please use /usr/bin/dnf --help\n";

    assertThrows(IOException.class, () -> NeedsRestartingParser.rebootPackages(1, missingPlugin));
    assertThrows(
        IOException.class,
        () ->
            NeedsRestartingParser.rebootPackages(0, Fixtures.read("needs-restarting-reboot.txt")));
  }

  @Test
  void shouldTakeTheNewestRpmInstallTime() {
    // rpm prints one decimal number per package for this query format; the values are the install
    // times of glibc and linux-firmware shown by `rpm -q --last` in AlmaLinux/almalinux-deploy#177
    // (Sat 07 Oct 2023 08:25:20 and 08:25:51 AM EDT).
    String output = "1696681520\n1696681551\n";

    assertEquals(
        Optional.of(Instant.parse("2023-10-07T12:25:51Z")),
        RpmInstallTimeParser.lastInstall(output));
    assertEquals(Optional.empty(), RpmInstallTimeParser.lastInstall(""));
  }
}
