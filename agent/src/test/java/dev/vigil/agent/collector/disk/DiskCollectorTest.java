package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskCollectorTest {

  @Test
  void shouldMapOneDiskToNodeExporterSeries() {
    DiskReading disk =
        new DiskReading("nvme0n1", "Samsung SSD 980", "S64DNX0R", 10, 20, 4096, 8192, 1500, 3);
    SampleList sink = new SampleList();

    DiskCollector.emit(disk, sink);

    List<Sample> samples = sink.samples();
    assertEquals(7, samples.size());
    assertEquals(10, value(samples, "node_disk_reads_completed_total"));
    assertEquals(20, value(samples, "node_disk_writes_completed_total"));
    assertEquals(4096, value(samples, "node_disk_read_bytes_total"));
    assertEquals(8192, value(samples, "node_disk_written_bytes_total"));
    assertEquals(1.5, value(samples, "node_disk_io_time_seconds_total"));
    assertEquals(3, value(samples, "node_disk_io_now"));
    assertEquals(
        List.of("device", "nvme0n1", "model", "Samsung SSD 980", "serial", "S64DNX0R"),
        find(samples, "node_disk_info").labels().pairs());
    assertTrue(
        samples.stream()
            .allMatch(s -> s.labels().pairs().subList(0, 2).equals(List.of("device", "nvme0n1"))));
  }

  @Test
  void shouldShortenDeviceNamesOnEveryPlatform() {
    assertEquals("sda", DiskReading.deviceName("/dev/sda"));
    assertEquals("nvme0n1", DiskReading.deviceName("/dev/nvme0n1"));
    assertEquals("PHYSICALDRIVE0", DiskReading.deviceName("\\\\.\\PHYSICALDRIVE0"));
    assertEquals("disk0", DiskReading.deviceName("disk0"));
  }

  @Test
  void shouldReportEveryDiskOfThisHostWithShortNames() throws Exception {
    CollectorContext context = CollectorContext.forHost(Path.of("/proc"), Path.of("/sys"));
    SampleList sink = new SampleList();

    new DiskCollector(context).collect(sink);

    assertTrue(
        sink.samples().stream()
            .allMatch(s -> !s.labels().value(0).contains("/") && !s.labels().value(0).isEmpty()));
  }

  private static double value(List<Sample> samples, String name) {
    return find(samples, name).value();
  }

  private static Sample find(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.metric().name().equals(name)).findFirst().orElseThrow();
  }
}
