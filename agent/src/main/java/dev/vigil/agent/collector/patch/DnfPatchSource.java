package dev.vigil.agent.collector.patch;

import dev.vigil.agent.collector.patch.DnfAdvisoryParser.Advisory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Patch health from dnf (4 or 5) or, on older hosts, yum: {@code check-update} for the pending
 * upgrades, the security advisories for their class and severity (and, from dnf 5, their issue
 * date), {@code needs-restarting -r} for the reboot, rpm's install times for the last install and
 * the repository metadata cache for the last refresh. Every command runs cache-only ({@code -C}):
 * like {@code apt-get -s} it reads what the host's own refresh left, and needs neither root nor the
 * network.
 */
final class DnfPatchSource implements PatchSource {
  /** The reason this source gives; the same name apt and zypper use for package-asked reboots. */
  static final String PACKAGES = DebianRebootReader.PACKAGES;

  /** rpm's database: the sqlite file (RHEL 9, Fedora 33+) or the older Berkeley DB file. */
  static final List<String> RPM_DATABASE =
      List.of(
          "var/lib/rpm/rpmdb.sqlite", "var/lib/rpm/Packages", "usr/lib/sysimage/rpm/rpmdb.sqlite");

  static final List<String> RPM_INSTALL_TIMES = List.of("rpm", "-qa", "--qf", "%{INSTALLTIME}\\n");

  /** Repository caches of dnf 4 and dnf 5, one folder per repository. */
  private static final List<String> CACHES = List.of("var/cache/dnf", "var/cache/libdnf5");

  /** The command line differences between dnf and yum. */
  enum Flavour {
    DNF(
        List.of("dnf", "-C", "updateinfo", "list", "--security"),
        List.of("dnf", "-C", "needs-restarting", "-r")),
    YUM(List.of("yum", "-C", "updateinfo", "list", "security"), List.of("needs-restarting", "-r"));

    final List<String> advisories;
    final List<String> needsRestarting;

    Flavour(List<String> advisories, List<String> needsRestarting) {
      this.advisories = advisories;
      this.needsRestarting = needsRestarting;
    }

    List<String> checkUpdate() {
      return List.of(advisories.get(0), "-C", "check-update");
    }
  }

  private final Flavour flavour;
  private final Path root;
  private final ZoneId zone;
  private final ProcessOutputReader process;

  /**
   * Runs {@code flavour}'s commands; reads files below {@code root}, local times in {@code zone}.
   */
  DnfPatchSource(Flavour flavour, Path root, ZoneId zone, ProcessOutputReader process) {
    this.flavour = flavour;
    this.root = root;
    this.zone = zone;
    this.process = process;
  }

  @Override
  public String name() {
    return flavour.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public PatchStatus scan() throws Exception {
    // check-update exits 100 when upgrades are pending and 0 when none are; 1 is an error.
    String upgrades = process.run(flavour.checkUpdate(), Set.of(0, 100)).output();
    String advisories = process.run(flavour.advisories);
    ProcessOutputReader.Result reboot = process.run(flavour.needsRestarting, Set.of(0, 1));
    return status(
        DnfCheckUpdateParser.pendingUpgrades(upgrades),
        DnfAdvisoryParser.parse(advisories, zone),
        NeedsRestartingParser.rebootPackages(reboot.exit(), reboot.output()),
        RpmInstallTimeParser.lastInstall(process.run(RPM_INSTALL_TIMES)),
        lastRefresh());
  }

  /**
   * Joins the parsed outputs: an upgrade is a security one when a security advisory names its
   * {@code name.arch}, with the worst severity among those advisories; advisories for packages with
   * no pending upgrade (excluded, or already installed) are ignored.
   */
  static PatchStatus status(
      Collection<String> pending,
      List<Advisory> advisories,
      List<String> rebootPackages,
      Optional<Instant> lastInstall,
      Optional<Instant> lastRefresh) {
    Map<String, Severity> security = new HashMap<>();
    Instant oldest = null;
    for (Advisory advisory : advisories) {
      if (!pending.contains(advisory.nameArch())) {
        continue;
      }
      security.merge(advisory.nameArch(), advisory.severity(), Severity::worse);
      oldest = LocalTimes.earlier(oldest, advisory.issued().orElse(null));
    }
    return new PatchStatus(
        new PendingUpdates(security.size(), pending.size() - security.size()),
        PatchStatus.countBySeverity(new ArrayList<>(security.values())),
        Optional.ofNullable(oldest),
        lastInstall,
        lastRefresh,
        rebootPackages.isEmpty() ? Set.of() : Set.of(PACKAGES),
        OptionalInt.of(rebootPackages.size()));
  }

  /**
   * The newest mtime of a repository's primary metadata: libdnf resets that file's mtime each time
   * it finds the repository's metadata current, and this is the time dnf's "Last metadata
   * expiration check" message reports.
   */
  Optional<Instant> lastRefresh() throws IOException {
    Instant newest = null;
    for (String cache : CACHES) {
      Optional<Instant> found =
          FileTimes.newestInSubfolders(root.resolve(cache), "repodata", "*primary*");
      newest = LocalTimes.later(newest, found.orElse(null));
    }
    return Optional.ofNullable(newest);
  }

  @Override
  public List<String> rebootReasons() {
    return List.of();
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return Set.of();
  }

  /** needs-restarting is a Python (dnf 4) or libdnf (dnf 5) run: too slow for every tick. */
  @Override
  public List<String> scannedRebootReasons() {
    return List.of(PACKAGES);
  }

  @Override
  public Optional<Instant> lastChange() throws IOException {
    return FileTimes.newest(root, RPM_DATABASE);
  }
}
