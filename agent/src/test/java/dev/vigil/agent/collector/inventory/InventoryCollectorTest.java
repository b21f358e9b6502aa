package dev.vigil.agent.collector.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

class InventoryCollectorTest {
  private static final SystemInfo SYSTEM_INFO = new SystemInfo();

  @TempDir Path root;

  private List<Sample> collect() throws Exception {
    CollectorContext context =
        new CollectorContext(SYSTEM_INFO, Clock.systemUTC(), PlatformEnum.LINUX, Path.of("/proc"));
    SampleList sink = new SampleList();
    new InventoryCollector(context, root).collect(sink);
    return sink.samples();
  }

  @Test
  void shouldReportOsInfoFromOsReleaseBelowTheConfiguredRoot() throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/os-release"),
        "PRETTY_NAME=\"Fixture OS 9 (test)\"\nNAME=\"Fixture OS\"\nVERSION=\"9 (test)\"\n"
            + "VERSION_ID=\"9\"\nID=fixture\n");

    Sample os = find(collect(), "node_os_info");

    assertEquals(1, os.value());
    assertEquals(
        List.of(
            "id", "fixture",
            "name", "Fixture OS",
            "pretty_name", "Fixture OS 9 (test)",
            "version", "9 (test)",
            "version_id", "9"),
        os.labels().pairs());
  }

  @Test
  void shouldFallBackToUsrLibOsRelease() throws Exception {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.writeString(root.resolve("usr/lib/os-release"), "ID=fallback\n");

    assertEquals("fallback", find(collect(), "node_os_info").labels().value(0));
  }

  @Test
  void shouldOmitOsInfoWithoutOsReleaseButStillReportDmiInfo() throws Exception {
    List<Sample> samples = collect();

    assertFalse(samples.stream().anyMatch(s -> s.metric().name().equals("node_os_info")));
    Sample dmi = find(samples, "node_dmi_info");
    assertEquals(8, dmi.labels().size());
    assertTrue(dmi.labels().pairs().stream().noneMatch("unknown"::equals));
  }

  private static Sample find(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.metric().name().equals(name)).findFirst().orElseThrow();
  }
}
