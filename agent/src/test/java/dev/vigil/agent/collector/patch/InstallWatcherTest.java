package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallWatcherTest {
  private static final Instant T0 = Instant.parse("2026-05-09T07:00:00Z");
  private static final Duration QUIET = Duration.ofMinutes(2);

  private final InstallWatcher watcher = new InstallWatcher(QUIET);

  @Test
  void shouldTakeTheFirstReadingAsTheBaseline() {
    assertFalse(watcher.shouldScan(marker(0), T0));
    assertFalse(watcher.shouldScan(marker(0), T0.plus(Duration.ofHours(1))));
  }

  @Test
  void shouldAskOnceAfterTheMarkerKeptStillForTheQuietTime() {
    watcher.shouldScan(marker(0), T0);

    assertFalse(watcher.shouldScan(marker(10), T0.plusSeconds(15)));
    assertFalse(watcher.shouldScan(marker(10), T0.plusSeconds(30)));
    assertTrue(watcher.shouldScan(marker(10), T0.plusSeconds(15).plus(QUIET)));
    assertFalse(watcher.shouldScan(marker(10), T0.plusSeconds(30).plus(QUIET)));
  }

  @Test
  void shouldWaitWhileAnUpgradeKeepsWritingTheDatabase() {
    watcher.shouldScan(marker(0), T0);
    watcher.shouldScan(marker(10), T0.plusSeconds(15));

    assertFalse(watcher.shouldScan(marker(100), T0.plusSeconds(100)));
    assertFalse(watcher.shouldScan(marker(100), T0.plusSeconds(15).plus(QUIET)));
    assertTrue(watcher.shouldScan(marker(100), T0.plusSeconds(100).plus(QUIET)));
  }

  @Test
  void shouldTreatAMarkerAppearingAsAChange() {
    watcher.shouldScan(Optional.empty(), T0);
    watcher.shouldScan(marker(5), T0.plusSeconds(15));

    assertTrue(watcher.shouldScan(marker(5), T0.plusSeconds(15).plus(QUIET)));
  }

  private static Optional<Instant> marker(long seconds) {
    return Optional.of(Instant.parse("2026-05-01T00:00:00Z").plusSeconds(seconds));
  }
}
