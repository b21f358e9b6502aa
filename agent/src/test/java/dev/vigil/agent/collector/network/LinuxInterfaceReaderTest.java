package dev.vigil.agent.collector.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxInterfaceReaderTest {
  @TempDir Path root;
  private Path classNet;
  private LinuxInterfaceReader reader;

  @BeforeEach
  void createTree() throws IOException {
    Files.createDirectories(root.resolve("proc/net"));
    classNet = Files.createDirectories(root.resolve("sys/class/net"));
    // As on this VM; ifb0's speed cannot be read while it is down (EINVAL), here: missing.
    attributes(
        "lo", Map.of("operstate", "unknown", "address", "00:00:00:00:00:00", "mtu", "65536"));
    attributes("ifb0", Map.of("operstate", "down", "address", "a6:3e:1c:4f:5a:01", "mtu", "1500"));
    attributes(
        "eth0",
        Map.of("operstate", "up", "address", "02:fc:00:00:00:01", "mtu", "1400", "speed", "-1"));
    reader = new LinuxInterfaceReader(root.resolve("proc"), root.resolve("sys"));
  }

  private void attributes(String device, Map<String, String> files) throws IOException {
    Path dir = Files.createDirectories(classNet.resolve(device));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue() + "\n");
    }
  }

  private List<InterfaceReading> read(String netDev) throws IOException {
    Files.writeString(root.resolve("proc/net/dev"), netDev);
    return reader.read();
  }

  @Test
  void shouldJoinProcNetDevCountersWithSysfsAttributes() throws IOException {
    List<InterfaceReading> interfaces = read(NetDevParserTest.NET_DEV);

    assertEquals(
        List.of("lo", "ifb0", "eth0"),
        interfaces.stream().map(InterfaceReading::device).toList(),
        "ifb1 has no sysfs directory: it went away between the two reads");
    assertEquals(
        new InterfaceReading(
            "lo", "", "unknown", 65536, 0, 126848865, 126848865, 372538, 372538, 0, 0, 0, 0),
        interfaces.get(0));
    assertEquals(
        new InterfaceReading(
            "eth0", "02:fc:00:00:00:01", "up", 1400, 0, 192739821, 848452, 8931, 7440, 0, 0, 0, 0),
        interfaces.get(2));
  }

  @Test
  void shouldReadTheLinkSpeedInBitsPerSecond() throws IOException {
    Files.writeString(classNet.resolve("eth0/speed"), "1000\n");

    InterfaceReading eth0 = read(NetDevParserTest.NET_DEV).get(2);

    assertEquals(1_000_000_000L, eth0.speedBitsPerSecond());
  }

  @Test
  void shouldReportAnInterfaceThatReturnsAfterGoingAway() throws IOException {
    read(NetDevParserTest.NET_DEV);
    attributes("ifb1", Map.of("operstate", "down", "address", "b2:00:00:00:00:02", "mtu", "1500"));

    List<InterfaceReading> interfaces = read(NetDevParserTest.NET_DEV);

    assertEquals("ifb1", interfaces.get(2).device());
    assertEquals(4, interfaces.size());
  }
}
