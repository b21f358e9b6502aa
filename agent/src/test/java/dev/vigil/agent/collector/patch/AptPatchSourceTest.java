package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real apt-get of this Debian build host; fails, never skips, where apt is missing. */
class AptPatchSourceTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path root;

  @Test
  void shouldScanThisDebianHostEndToEnd() {
    assertEquals(
        Optional.of(PatchSourceChooser.Kind.APT),
        PatchSourceChooser.choose(System.getenv("PATH"), Files::isExecutable),
        "apt-get must be on the PATH of this Debian build host");
    AptPatchSource apt =
        new AptPatchSource(Path.of("/"), ZoneId.systemDefault(), new ProcessOutputReader(TIMEOUT));

    try (PatchScanner scanner =
        new PatchScanner(apt, Clock.systemUTC(), PatchScanner.INTERVAL, TIMEOUT)) {
      PatchScan scan = scanner.scanOnce();

      assertTrue(scan.success(), "apt-get -s dist-upgrade failed; see the log above");
      PendingUpdates pending = scan.status().orElseThrow().pending();
      assertTrue(pending.security() >= 0 && pending.other() >= 0, pending.toString());
      assertTrue(scan.durationSeconds() > 0);
      assertEquals(1, apt.rebootReasons().size());
    }
  }

  @Test
  void shouldFallBackToDpkgLogWhenHistoryLogRecordsNoInstall() throws IOException {
    Files.createDirectories(root.resolve("var/log/apt"));
    Files.writeString(
        root.resolve("var/log/apt/history.log"),
        "Start-Date: 2024-05-22  07:00:00\nRemove: nano:amd64 (7.2-1)\n"
            + "End-Date: 2024-05-22  07:00:01\n");
    Files.writeString(root.resolve("var/log/dpkg.log"), Fixtures.read("dpkg.log"));
    AptPatchSource apt = new AptPatchSource(root, ZoneOffset.UTC, new ProcessOutputReader(TIMEOUT));

    assertEquals(Optional.of(Instant.parse("2026-05-09T07:28:50Z")), apt.lastInstall());
  }

  @Test
  void shouldMarkInstallsByTheMtimeOfDpkgsStatusFile() throws IOException {
    AptPatchSource apt = new AptPatchSource(root, ZoneOffset.UTC, new ProcessOutputReader(TIMEOUT));
    assertEquals(Optional.empty(), apt.lastChange());

    Path status = root.resolve("var/lib/dpkg/status");
    Files.createDirectories(status.getParent());
    Files.writeString(status, "Package: bash\n");
    Files.setLastModifiedTime(
        status, java.nio.file.attribute.FileTime.from(Instant.parse("2026-05-09T07:28:50Z")));

    assertEquals(Optional.of(Instant.parse("2026-05-09T07:28:50Z")), apt.lastChange());
  }
}
