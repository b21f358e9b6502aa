package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class PatchScannerTest {
  static final PatchStatus STATUS =
      new PatchStatus(
          new PendingUpdates(3, 7),
          Optional.of(Instant.parse("2024-05-20T06:25:31Z")),
          Optional.empty());
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void shouldPublishTheSourcesStatusWhenTheScanSucceeds() {
    try (PatchScanner scanner = scanner(new FakePatchSource(() -> STATUS), Duration.ofSeconds(5))) {
      PatchScan scan = scanner.scanOnce();

      assertTrue(scan.success());
      assertEquals(Optional.of(STATUS), scan.status());
      assertEquals(CLOCK.instant(), scan.finishedAt());
      assertEquals(scan, scanner.latest());
    }
  }

  @Test
  void shouldReportAFailedScanWhenTheSourceThrows() {
    FakePatchSource broken =
        new FakePatchSource(
            () -> {
              throw new IOException("apt-get exited with 100");
            });
    try (PatchScanner scanner = scanner(broken, Duration.ofSeconds(5))) {
      assertFalse(scanner.scanOnce().success());
    }
  }

  @Test
  void shouldReportAFailedScanWithinTheTimeoutWhenTheSourceBlocks() {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    FakePatchSource blocking =
        new FakePatchSource(
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return STATUS;
            });
    try (PatchScanner scanner = scanner(blocking, Duration.ofMillis(200))) {
      long start = System.nanoTime();
      PatchScan scan = scanner.scanOnce();
      double seconds = (System.nanoTime() - start) / 1e9;

      assertFalse(scan.success());
      assertTrue(seconds < 5, "scan returned after " + seconds + " s");
      assertTrue(scan.durationSeconds() >= 0.2);
      assertTrue(await(interrupted), "the blocked scan was not interrupted");
    }
  }

  @Test
  void shouldScanOnItsOwnThreadAsSoonAsItStarts() {
    try (PatchScanner scanner = scanner(new FakePatchSource(() -> STATUS), Duration.ofSeconds(5))) {
      scanner.start();
      scanner.start();

      PatchScan scan = awaitLatest(scanner);
      assertEquals(Optional.of(STATUS), scan.status());
    }
  }

  @Test
  void shouldRunAnExtraScanWhenAskedAfterStart() {
    java.util.concurrent.atomic.AtomicInteger scans =
        new java.util.concurrent.atomic.AtomicInteger();
    FakePatchSource counting =
        new FakePatchSource(
            () -> {
              scans.incrementAndGet();
              return STATUS;
            });
    try (PatchScanner scanner = scanner(counting, Duration.ofSeconds(5))) {
      scanner.scanSoon();
      assertEquals(0, scans.get(), "no scan before start");

      scanner.start();
      awaitLatest(scanner);
      scanner.scanSoon();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (scans.get() < 2 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      assertEquals(2, scans.get());
    }
  }

  @Test
  void shouldWaitForTheFirstScanWithinABound() throws InterruptedException {
    try (PatchScanner scanner = scanner(new FakePatchSource(() -> STATUS), Duration.ofSeconds(5))) {
      PatchScan first = scanner.awaitFirst(Duration.ofSeconds(10));

      assertNotNull(first);
      assertEquals(Optional.of(STATUS), first.status());
    }
    CountDownLatch never = new CountDownLatch(1);
    FakePatchSource blocking =
        new FakePatchSource(
            () -> {
              never.await();
              return STATUS;
            });
    try (PatchScanner scanner = scanner(blocking, Duration.ofSeconds(30))) {
      assertEquals(null, scanner.awaitFirst(Duration.ofMillis(50)));
    }
  }

  /** Polls for at most ten seconds: the scan runs on the scanner's thread. */
  static PatchScan awaitLatest(PatchScanner scanner) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (scanner.latest() == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    PatchScan latest = scanner.latest();
    assertNotNull(latest, "no scan finished within 10 s");
    return latest;
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static PatchScanner scanner(PatchSource source, Duration timeout) {
    return new PatchScanner(source, CLOCK, Duration.ofHours(6), timeout);
  }
}
