package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchCollectorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  /** A status with every part a source can know. */
  private static final PatchStatus FULL =
      new PatchStatus(
          new PendingUpdates(2, 5),
          PatchStatus.countBySeverity(List.of(Severity.CRITICAL, Severity.IMPORTANT)),
          Optional.of(Instant.parse("2024-05-14T00:00:00Z")),
          Optional.of(Instant.parse("2024-05-20T06:25:31Z")),
          Optional.of(Instant.parse("2024-05-31T06:00:00Z")),
          Set.of(FakePatchSource.SCANNED),
          OptionalInt.of(3));

  @TempDir Path root;

  @Test
  void shouldReportTheCachedScanAndTheRebootFlag() throws Exception {
    FakePatchSource source = new FakePatchSource(() -> PatchScannerTest.STATUS);
    source.rebootPending = true;
    try (PatchCollector collector = collector(source)) {
      collector.collect(new SampleList());
      assertTrue(collector.awaitFirstScan(Duration.ofSeconds(10)));

      Map<String, Double> series = collect(collector);

      assertEquals(3.0, series.get("vigil_updates_pending{class=security}"));
      assertEquals(7.0, series.get("vigil_updates_pending{class=other}"));
      assertEquals(1_716_186_331.0, series.get("vigil_updates_last_install_timestamp_seconds{}"));
      assertEquals(1.0, series.get("vigil_patch_scan_success{}"));
      assertEquals(1_717_200_000.0, series.get("vigil_patch_scan_timestamp_seconds{}"));
      assertTrue(series.get("vigil_patch_scan_duration_seconds{}") >= 0);
      assertEquals(1.0, series.get("vigil_reboot_required{reason=packages}"));
      assertEquals(1.0, series.get("node_reboot_required{}"));
      assertEquals(8, series.size(), series.toString());
    }
  }

  @Test
  void shouldReportSeverityOldestReleaseRefreshAndScannedReboot() throws Exception {
    FakePatchSource source = new FakePatchSource(() -> FULL, List.of(FakePatchSource.SCANNED));
    try (PatchCollector collector = collector(source)) {
      assertTrue(collector.awaitFirstScan(Duration.ofSeconds(10)));

      Map<String, Double> series = collect(collector);

      assertEquals(1.0, series.get("vigil_updates_pending_by_severity{severity=critical}"));
      assertEquals(1.0, series.get("vigil_updates_pending_by_severity{severity=important}"));
      assertEquals(0.0, series.get("vigil_updates_pending_by_severity{severity=moderate}"));
      assertEquals(0.0, series.get("vigil_updates_pending_by_severity{severity=low}"));
      assertEquals(0.0, series.get("vigil_updates_pending_by_severity{severity=unknown}"));
      assertEquals(
          1_715_644_800.0, series.get("vigil_updates_oldest_pending_security_timestamp_seconds{}"));
      assertEquals(1_717_135_200.0, series.get("vigil_updates_last_refresh_timestamp_seconds{}"));
      assertEquals(0.0, series.get("vigil_reboot_required{reason=packages}"));
      assertEquals(1.0, series.get("vigil_reboot_required{reason=scanned}"));
      assertEquals(1.0, series.get("node_reboot_required{}"));
      assertEquals(3.0, series.get("vigil_reboot_required_packages{}"));
    }
  }

  @Test
  void shouldLeaveTheRebootAbsentWhileAScannedReasonIsUnknown() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakePatchSource source =
        new FakePatchSource(
            () -> {
              release.await();
              return FULL;
            },
            List.of(FakePatchSource.SCANNED));
    try (PatchCollector collector = collector(source)) {
      // The first scan is still running: what it will say about the reboot is not known yet.
      Map<String, Double> series = collect(collector);

      assertEquals(0.0, series.get("vigil_reboot_required{reason=packages}"));
      assertFalse(series.containsKey("vigil_reboot_required{reason=scanned}"));
      assertFalse(series.containsKey("node_reboot_required{}"), series.toString());

      source.rebootPending = true;
      assertEquals(1.0, collect(collector).get("node_reboot_required{}"));
      release.countDown();
    }
  }

  @Test
  void shouldReadTheRebootFlagLiveSoItClearsAfterTheReboot() throws Exception {
    AptPatchSource apt =
        new AptPatchSource(root, ZoneOffset.UTC, new ProcessOutputReader(timeout()));
    FakePatchSource scans = new FakePatchSource(() -> PatchScannerTest.STATUS);
    try (PatchScanner scanner = new PatchScanner(scans, CLOCK, Duration.ofHours(6), timeout());
        PatchCollector collector = new PatchCollector(apt, scanner, CLOCK)) {
      Path flag = root.resolve("run/reboot-required");
      Files.createDirectories(flag.getParent());

      assertReboot(0.0, collect(collector));
      assertEquals(0.0, collect(collector).get("vigil_reboot_required_packages{}"));
      Files.writeString(flag, "*** System restart required ***\n");
      Files.writeString(
          root.resolve("run/reboot-required.pkgs"),
          "linux-image-6.1.0-28-amd64\nlibc6\nlinux-image-6.1.0-28-amd64\n");
      Map<String, Double> rebooting = collect(collector);
      assertReboot(1.0, rebooting);
      assertEquals(2.0, rebooting.get("vigil_reboot_required_packages{}"));
      Files.delete(flag);
      assertReboot(0.0, collect(collector));
    }
  }

  @Test
  void shouldScanAgainOnceAnInstallHasSettled() throws Exception {
    AtomicInteger scans = new AtomicInteger();
    FakePatchSource source =
        new FakePatchSource(
            () -> {
              scans.incrementAndGet();
              return PatchScannerTest.STATUS;
            });
    MutableClock clock = new MutableClock(CLOCK.instant());
    try (PatchScanner scanner = new PatchScanner(source, clock, Duration.ofHours(6), timeout());
        PatchCollector collector = new PatchCollector(source, scanner, clock)) {
      collector.collect(new SampleList());
      PatchScannerTest.awaitLatest(scanner);
      source.lastChange = Optional.of(Instant.parse("2024-06-01T00:00:05Z"));
      collector.collect(new SampleList());
      clock.now = clock.now.plus(InstallWatcher.QUIET);
      collector.collect(new SampleList());

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (scans.get() < 2 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      assertEquals(2, scans.get());
    }
  }

  @Test
  void shouldEmitNothingWithoutAPackageManager() throws Exception {
    try (PatchCollector collector = new PatchCollector(null, null, CLOCK)) {
      assertEquals(Map.of(), collect(collector));
      assertEquals("patch", collector.name());
      assertTrue(collector.awaitFirstScan(Duration.ofMillis(1)));
    }
  }

  private static PatchCollector collector(FakePatchSource source) {
    return new PatchCollector(
        source, new PatchScanner(source, CLOCK, Duration.ofHours(6), timeout()), CLOCK);
  }

  private static void assertReboot(double expected, Map<String, Double> series) {
    assertEquals(expected, series.get("vigil_reboot_required{reason=packages}"));
    assertEquals(expected, series.get("node_reboot_required{}"));
  }

  /** Series keyed as {@code name{label=value,...}}. */
  private static Map<String, Double> collect(PatchCollector collector) throws Exception {
    SampleList sink = new SampleList();
    collector.collect(sink);
    Map<String, Double> series = new TreeMap<>();
    for (Sample sample : sink.samples()) {
      List<String> pairs = sample.labels().pairs();
      StringBuilder key = new StringBuilder(sample.metric().name()).append('{');
      for (int i = 0; i < pairs.size(); i += 2) {
        key.append(i == 0 ? "" : ",").append(pairs.get(i)).append('=').append(pairs.get(i + 1));
      }
      series.put(key.append('}').toString(), sample.value());
    }
    return series;
  }

  private static Duration timeout() {
    return Duration.ofSeconds(5);
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
