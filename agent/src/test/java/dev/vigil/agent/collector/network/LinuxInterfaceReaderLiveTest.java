package dev.vigil.agent.collector.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** This host's real /proc/net/dev and sysfs against what OSHI reported before. */
class LinuxInterfaceReaderLiveTest {
  private static final Path CLASS_NET = Path.of("/sys/class/net");

  private static Map<String, InterfaceReading> byDevice(List<InterfaceReading> interfaces) {
    return interfaces.stream()
        .collect(Collectors.toMap(InterfaceReading::device, Function.identity()));
  }

  @Test
  void shouldReportEveryInterfaceOfSysfs() throws IOException {
    Set<String> sysfs;
    try (Stream<Path> entries = Files.list(CLASS_NET)) {
      sysfs =
          entries
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toSet());
    }

    List<InterfaceReading> ours =
        new LinuxInterfaceReader(Path.of("/proc"), Path.of("/sys")).read();

    assertEquals(sysfs, byDevice(ours).keySet());
  }

  @Test
  void shouldReportWhatOshiReportsForTheInterfacesOshiLists() throws IOException {
    OshiInterfaceReader oshi = new OshiInterfaceReader(new SystemInfo().getHardware());
    LinuxInterfaceReader linux = new LinuxInterfaceReader(Path.of("/proc"), Path.of("/sys"));

    // Counters only grow: OSHI's readings before and after bracket ours.
    Map<String, InterfaceReading> before = byDevice(oshi.read());
    Map<String, InterfaceReading> ours = byDevice(linux.read());
    Map<String, InterfaceReading> after = byDevice(oshi.read());

    assertFalse(before.isEmpty());
    for (InterfaceReading first : before.values()) {
      InterfaceReading nif = ours.get(first.device());
      InterfaceReading last = after.get(first.device());
      assertEquals(first.address(), nif.address());
      assertEquals(first.operstate(), nif.operstate());
      assertEquals(first.mtu(), nif.mtu());
      assertEquals(first.speedBitsPerSecond(), nif.speedBitsPerSecond());
      assertBetween(first, nif, last, InterfaceReading::receiveBytes, 0);
      assertBetween(first, nif, last, InterfaceReading::transmitBytes, 0);
      assertBetween(first, nif, last, InterfaceReading::receivePackets, 0);
      assertBetween(first, nif, last, InterfaceReading::transmitPackets, 0);
      assertBetween(first, nif, last, InterfaceReading::receiveErrs, 0);
      assertBetween(first, nif, last, InterfaceReading::transmitErrs, 0);
      // OSHI read rx_dropped; /proc/net/dev adds rx_missed_errors, as node_exporter reports.
      assertBetween(first, nif, last, InterfaceReading::receiveDrop, missed(first.device()));
    }
  }

  private static long missed(String device) throws IOException {
    Path file = CLASS_NET.resolve(device).resolve("statistics/rx_missed_errors");
    return Long.parseLong(Files.readString(file).strip());
  }

  private static void assertBetween(
      InterfaceReading first,
      InterfaceReading ours,
      InterfaceReading last,
      ToLongFunction<InterfaceReading> counter,
      long added) {
    long value = counter.applyAsLong(ours) - added;
    assertTrue(
        counter.applyAsLong(first) <= value && value <= counter.applyAsLong(last),
        () -> ours.device() + ": " + first + " <= " + ours + " <= " + last);
  }
}
