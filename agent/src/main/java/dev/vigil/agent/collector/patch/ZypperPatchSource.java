package dev.vigil.agent.collector.patch;

import dev.vigil.agent.collector.patch.ZypperXmlParser.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Patch health from zypper (SUSE, openSUSE): {@code list-updates} for the pending package upgrades,
 * {@code list-patches --category security} for the security patches with their severity and issue
 * date, libzypp's history for the last install and its repository cache for the last refresh. Both
 * commands run with {@code --no-refresh}, reading what the host's own refresh left.
 */
final class ZypperPatchSource implements PatchSource {
  private static final List<String> BASE =
      List.of("zypper", "--non-interactive", "--no-refresh", "--xmlout");

  static final List<String> UPDATES = command("list-updates");
  static final List<String> SECURITY_PATCHES = command("list-patches", "--category", "security");

  /**
   * zypper's exit statuses that still carry a full answer: 0, and the "updates needed" (100) and
   * "security updates needed" (101) statuses its patch commands use.
   */
  private static final Set<Integer> ANSWERED = Set.of(0, 100, 101);

  private static final String HISTORY = "var/log/zypp/history";

  /**
   * {@code zypper needs-rebooting} only tests whether this file exists (libzypp creates it when a
   * package marked as needing a reboot is installed; /var/run is /run, a tmpfs), so the agent tests
   * it itself on every tick instead of starting zypper.
   */
  private static final String REBOOT_FLAG = "run/reboot-needed";

  private final Path root;
  private final ZoneId zone;
  private final ProcessOutputReader process;

  /** Reads zypper's files below {@code root} (normally /), local log times in {@code zone}. */
  ZypperPatchSource(Path root, ZoneId zone, ProcessOutputReader process) {
    this.root = root;
    this.zone = zone;
    this.process = process;
  }

  @Override
  public String name() {
    return "zypper";
  }

  @Override
  public PatchStatus scan() throws Exception {
    int packages = ZypperXmlParser.packageUpdates(process.run(UPDATES, ANSWERED).output());
    List<Patch> security =
        ZypperXmlParser.patches(process.run(SECURITY_PATCHES, ANSWERED).output());
    return status(packages, security, lastInstall(), lastRefresh());
  }

  /**
   * SUSE ships security fixes as patches, so security counts needed security patches (each with its
   * severity and issue date) and other counts package upgrades (which include the packages those
   * patches update: zypper does not list which packages a patch holds).
   */
  static PatchStatus status(
      int packageUpdates,
      List<Patch> securityPatches,
      Optional<Instant> lastInstall,
      Optional<Instant> lastRefresh) {
    List<Severity> severities = new ArrayList<>();
    Instant oldest = null;
    for (Patch patch : securityPatches) {
      severities.add(patch.severity());
      oldest = LocalTimes.earlier(oldest, patch.issued().orElse(null));
    }
    Map<Severity, Integer> bySeverity = PatchStatus.countBySeverity(severities);
    return new PatchStatus(
        new PendingUpdates(securityPatches.size(), packageUpdates),
        bySeverity,
        Optional.ofNullable(oldest),
        lastInstall,
        lastRefresh,
        Set.of(),
        OptionalInt.empty());
  }

  private Optional<Instant> lastInstall() throws IOException {
    Path history = root.resolve(HISTORY);
    if (!Files.isRegularFile(history)) {
      return Optional.empty();
    }
    String text = Files.readString(history, StandardCharsets.UTF_8);
    return ZypperHistoryParser.lastInstall(text, zone);
  }

  /** libzypp touches each repository's repomd.xml whenever a refresh finds it current. */
  Optional<Instant> lastRefresh() throws IOException {
    return FileTimes.newestInSubfolders(
        root.resolve("var/cache/zypp/raw"), "repodata", "repomd.xml");
  }

  @Override
  public List<String> rebootReasons() {
    return DebianRebootReader.REASONS;
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return Files.exists(root.resolve(REBOOT_FLAG)) ? Set.of(DebianRebootReader.PACKAGES) : Set.of();
  }

  @Override
  public Optional<Instant> lastChange() throws IOException {
    List<String> markers = new ArrayList<>(DnfPatchSource.RPM_DATABASE);
    markers.add(HISTORY);
    return FileTimes.newest(root, markers);
  }

  private static List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(BASE);
    command.addAll(List.of(arguments));
    return List.copyOf(command);
  }
}
