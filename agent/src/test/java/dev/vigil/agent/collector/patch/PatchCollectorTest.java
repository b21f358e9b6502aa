package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchCollectorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  @Test
  void shouldReportTheCachedScanAndTheRebootFlag() throws Exception {
    FakePatchSource source = new FakePatchSource(() -> PatchScannerTest.STATUS);
    source.rebootPending = true;
    try (PatchScanner scanner = new PatchScanner(source, CLOCK, Duration.ofHours(6), timeout())) {
      PatchCollector collector = new PatchCollector(source, scanner);
      collector.collect(new SampleList());
      PatchScannerTest.awaitLatest(scanner);

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
  void shouldReadTheRebootFlagLiveSoItClearsAfterTheReboot() throws Exception {
    AptPatchSource apt =
        new AptPatchSource(root, ZoneOffset.UTC, new ProcessOutputReader(timeout()));
    FakePatchSource scans = new FakePatchSource(() -> PatchScannerTest.STATUS);
    try (PatchScanner scanner = new PatchScanner(scans, CLOCK, Duration.ofHours(6), timeout())) {
      PatchCollector collector = new PatchCollector(apt, scanner);
      Path flag = root.resolve("run/reboot-required");
      Files.createDirectories(flag.getParent());

      assertReboot(0.0, collect(collector));
      Files.writeString(flag, "*** System restart required ***\n");
      Files.writeString(root.resolve("run/reboot-required.pkgs"), "linux-image-6.1.0-28-amd64\n");
      assertReboot(1.0, collect(collector));
      Files.delete(flag);
      assertReboot(0.0, collect(collector));
    }
  }

  @Test
  void shouldEmitNothingWithoutAPackageManager() throws Exception {
    PatchCollector collector = new PatchCollector(null, null);

    assertEquals(Map.of(), collect(collector));
    assertEquals("patch", collector.name());
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
}
