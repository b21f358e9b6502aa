package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** This host's real /proc/diskstats against what OSHI reported before the agent read it itself. */
class LinuxDiskReaderLiveTest {

  private static Map<String, DiskReading> byDevice(List<DiskReading> disks) {
    return disks.stream()
        .filter(disk -> DiskFilter.accepts(disk.device()))
        .collect(Collectors.toMap(DiskReading::device, Function.identity()));
  }

  @Test
  void shouldReportTheDisksOshiReportsWithTheSameLabelsAndCounters() throws IOException {
    OshiDiskReader oshi = new OshiDiskReader(new SystemInfo().getHardware());
    LinuxDiskReader linux =
        new LinuxDiskReader(Path.of("/proc"), Path.of("/sys"), DiskCollector.UDEV_DATA);

    // Counters only grow: OSHI's readings before and after bracket ours.
    Map<String, DiskReading> before = byDevice(oshi.read());
    Map<String, DiskReading> ours = byDevice(linux.read());
    Map<String, DiskReading> after = byDevice(oshi.read());

    assertFalse(ours.isEmpty());
    assertEquals(before.keySet(), ours.keySet());
    for (DiskReading disk : ours.values()) {
      DiskReading first = before.get(disk.device());
      DiskReading last = after.get(disk.device());
      assertEquals(first.model(), disk.model());
      assertEquals(first.serial(), disk.serial());
      assertBetween(first, disk, last, DiskReading::reads);
      assertBetween(first, disk, last, DiskReading::writes);
      assertBetween(first, disk, last, DiskReading::readBytes);
      assertBetween(first, disk, last, DiskReading::writeBytes);
      assertBetween(first, disk, last, DiskReading::transferMillis);
    }
  }

  private static void assertBetween(
      DiskReading first, DiskReading ours, DiskReading last, ToLongFunction<DiskReading> counter) {
    long value = counter.applyAsLong(ours);
    assertTrue(
        counter.applyAsLong(first) <= value && value <= counter.applyAsLong(last),
        () -> ours.device() + ": " + first + " <= " + ours + " <= " + last);
  }
}
