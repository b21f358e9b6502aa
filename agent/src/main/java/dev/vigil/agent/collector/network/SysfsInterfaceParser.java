package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.procfs.LineScanner;
import dev.vigil.agent.collector.procfs.NameTable;

/**
 * Parses the one-line attribute files of {@code /sys/class/net/<iface>/}, in place. Text values
 * (operstate, address) come back as the same String instance while they do not change.
 */
final class SysfsInterfaceParser {
  /** How sysfs writes the address of an interface without one (loopback); Java reports none. */
  private static final String NO_ADDRESS = "00:00:00:00:00:00";

  private final LineScanner scanner = new LineScanner();
  private final NameTable values = new NameTable();

  /**
   * A numeric attribute ({@code mtu}, {@code speed} in Mbit/s), or 0 when it is not a count: {@code
   * speed} reads -1 on links that do not know their speed.
   */
  long number(byte[] buffer, int length) {
    scanner.wrap(buffer, length);
    long value = scanner.nextLine() ? scanner.nextLong() : -1;
    return Math.max(value, 0);
  }

  /** {@code operstate}: up, down, lowerlayerdown, dormant, testing, notpresent or unknown. */
  String operstate(byte[] buffer, int length) {
    String text = text(buffer, length);
    return text.isEmpty() ? "unknown" : text;
  }

  /**
   * {@code address}, empty when the interface has none: sysfs writes zeros for loopback and nothing
   * for tunnels, where OSHI (through Java's NetworkInterface) reported no address.
   */
  String address(byte[] buffer, int length) {
    String text = text(buffer, length);
    return text.equals(NO_ADDRESS) ? "" : text;
  }

  private String text(byte[] buffer, int length) {
    scanner.wrap(buffer, length);
    return scanner.nextLine() && scanner.nextToken() ? scanner.token(values) : "";
  }
}
