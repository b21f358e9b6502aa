package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.procfs.LineParser;
import dev.vigil.agent.collector.procfs.NameTable;

/**
 * Parses {@code /proc/net/dev} in place, one interface per line after two header lines:
 *
 * <pre>
 *   eth0: 192739821 8931 0 0 0 0 0 0 848452 7440 0 0 0 0 0 0
 *         |receive: bytes packets errs drop fifo frame compressed multicast
 *                                             |transmit: bytes packets errs drop fifo colls carrier compressed
 * </pre>
 *
 * The kernel writes receive {@code drop} as rx_dropped + rx_missed_errors (net/core/net-procfs.c),
 * which is what node_exporter reports as {@code node_network_receive_drop_total}.
 */
final class NetDevParser extends LineParser {
  private static final int FIELDS = 16;
  private static final int HEADER_LINES = 2;

  private final NameTable names = new NameTable();
  private final long[] fields = new long[FIELDS];
  private String device;

  NetDevParser() {
    scanner.alsoSeparateAt(':');
  }

  /** Points the parser at the text of one read of the file, skipping its header. */
  @Override
  public void wrap(byte[] buffer, int length) {
    super.wrap(buffer, length);
    // The header names the columns, whose order has not changed since Linux 2.2.
    int skipped = 0;
    while (skipped < HEADER_LINES && scanner.nextLine()) {
      skipped++;
    }
  }

  @Override
  protected boolean parseLine() {
    if (!scanner.nextToken()) {
      return false;
    }
    device = scanner.token(names);
    return scanner.nextLongs(fields, FIELDS);
  }

  String device() {
    return device;
  }

  long receiveBytes() {
    return fields[0];
  }

  long receivePackets() {
    return fields[1];
  }

  long receiveErrs() {
    return fields[2];
  }

  long receiveDrop() {
    return fields[3];
  }

  long transmitBytes() {
    return fields[8];
  }

  long transmitPackets() {
    return fields[9];
  }

  long transmitErrs() {
    return fields[10];
  }

  long transmitDrop() {
    return fields[11];
  }
}
