package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.OshiText;
import java.util.Locale;
import oshi.hardware.NetworkIF;

/**
 * One interface's identity, state and cumulative counters, read in one go.
 *
 * @param operstate the sysfs spelling node_exporter copies into its label: {@code up}, {@code
 *     lowerlayerdown}, {@code unknown}
 * @param address the MAC address, empty when the interface has none (loopback, tunnels)
 * @param mtu 0 when the platform did not say
 * @param speedBitsPerSecond 0 when the platform did not say
 * @param transmitDrop {@link #UNCOUNTED} where the platform does not count outbound drops (OSHI)
 */
record InterfaceReading(
    String device,
    String address,
    String operstate,
    long mtu,
    long speedBitsPerSecond,
    long receiveBytes,
    long transmitBytes,
    long receivePackets,
    long transmitPackets,
    long receiveErrs,
    long transmitErrs,
    long receiveDrop,
    long transmitDrop) {

  static final String UP = "up";

  /** A counter the platform does not keep: its series is left out, never reported as 0. */
  static final long UNCOUNTED = -1;

  /** Copies {@code nif}'s current values; OSHI read them when it listed the interface. */
  static InterfaceReading of(NetworkIF nif) {
    return new InterfaceReading(
        nif.getName(),
        OshiText.known(nif.getMacaddr()),
        nif.getIfOperStatus().name().toLowerCase(Locale.ROOT).replace("_", ""),
        nif.getMTU(),
        nif.getSpeed(),
        nif.getBytesRecv(),
        nif.getBytesSent(),
        nif.getPacketsRecv(),
        nif.getPacketsSent(),
        nif.getInErrors(),
        nif.getOutErrors(),
        nif.getInDrops(),
        UNCOUNTED);
  }

  /** Whether the kernel reports the interface up, what {@code node_network_up} says. */
  boolean up() {
    return operstate.equals(UP);
  }
}
