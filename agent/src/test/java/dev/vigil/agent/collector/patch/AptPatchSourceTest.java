package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the real apt-get of this Debian build host; fails, never skips, where apt is missing. */
class AptPatchSourceTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

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
}
