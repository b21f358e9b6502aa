package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.procfs.TextFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists interfaces as node_exporter does: every interface in {@code /proc/net/dev} with its
 * counters from that one read, and its state and properties from {@code /sys/class/net/<iface>/}.
 * Unlike OSHI, which lists only interfaces Java's NetworkInterface sees (those with an address), a
 * link that is down and has no address is reported too, as down.
 */
final class LinuxInterfaceReader implements InterfaceReader {
  private final Path netDev;
  private final Path classNet;
  private final TextFileReader file = new TextFileReader(4096);
  private final TextFileReader attribute = new TextFileReader(64);
  private final NetDevParser parser = new NetDevParser();
  private final SysfsInterfaceParser attributes = new SysfsInterfaceParser();
  private final List<InterfaceReading> interfaces = new ArrayList<>();
  private Map<String, AttributeFiles> known = new HashMap<>();
  private Map<String, AttributeFiles> seen = new HashMap<>();

  /** The attribute files of one interface, resolved once while it exists. */
  private record AttributeFiles(Path operstate, Path address, Path mtu, Path speed) {
    static AttributeFiles in(Path dir) {
      return new AttributeFiles(
          dir.resolve("operstate"),
          dir.resolve("address"),
          dir.resolve("mtu"),
          dir.resolve("speed"));
    }
  }

  /** Reads {@code <procRoot>/net/dev} and {@code <sysRoot>/class/net}. */
  LinuxInterfaceReader(Path procRoot, Path sysRoot) {
    this.netDev = procRoot.resolve("net").resolve("dev");
    this.classNet = sysRoot.resolve("class").resolve("net");
  }

  @Override
  public List<InterfaceReading> read() throws IOException {
    file.read(netDev);
    parser.wrap(file.buffer(), file.length());
    interfaces.clear();
    while (parser.next()) {
      AttributeFiles files = filesOf(parser.device());
      try {
        interfaces.add(reading(files));
      } catch (IOException e) {
        // The interface went away between the two reads (a VPN closing): it is gone next tick.
        seen.remove(parser.device());
      }
    }
    Map<String, AttributeFiles> previous = known;
    known = seen;
    seen = previous;
    seen.clear();
    return interfaces;
  }

  private AttributeFiles filesOf(String device) {
    AttributeFiles files = known.get(device);
    if (files == null) {
      files = AttributeFiles.in(classNet.resolve(device));
    }
    seen.put(device, files);
    return files;
  }

  private InterfaceReading reading(AttributeFiles files) throws IOException {
    attribute.read(files.operstate());
    String operstate = attributes.operstate(attribute.buffer(), attribute.length());
    attribute.read(files.address());
    String address = attributes.address(attribute.buffer(), attribute.length());
    attribute.read(files.mtu());
    long mtu = attributes.number(attribute.buffer(), attribute.length());
    return new InterfaceReading(
        parser.device(),
        address,
        operstate,
        mtu,
        speedMbps(files) * 1_000_000L,
        parser.receiveBytes(),
        parser.transmitBytes(),
        parser.receivePackets(),
        parser.transmitPackets(),
        parser.receiveErrs(),
        parser.transmitErrs(),
        parser.receiveDrop(),
        parser.transmitDrop());
  }

  /** The link speed, 0 when unknown: reading it fails with EINVAL on a link that is down. */
  private long speedMbps(AttributeFiles files) {
    try {
      attribute.read(files.speed());
      return attributes.number(attribute.buffer(), attribute.length());
    } catch (IOException e) {
      return 0;
    }
  }
}
