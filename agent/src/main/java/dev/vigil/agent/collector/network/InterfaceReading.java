package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.OshiText;
import java.util.Locale;
import oshi.hardware.NetworkIF;
import oshi.hardware.NetworkIF.IfOperStatus;

/** One interface's identity, state and cumulative counters, copied out of OSHI in one go. */
record InterfaceReading(
    String device,
    String address,
    IfOperStatus operStatus,
    long mtu,
    long speedBitsPerSecond,
    long receiveBytes,
    long transmitBytes,
    long receivePackets,
    long transmitPackets,
    long receiveErrs,
    long transmitErrs,
    long receiveDrop) {

  /** Copies {@code nif}'s current values; OSHI read them when it listed the interface. */
  static InterfaceReading of(NetworkIF nif) {
    return new InterfaceReading(
        nif.getName(),
        OshiText.known(nif.getMacaddr()),
        nif.getIfOperStatus(),
        nif.getMTU(),
        nif.getSpeed(),
        nif.getBytesRecv(),
        nif.getBytesSent(),
        nif.getPacketsRecv(),
        nif.getPacketsSent(),
        nif.getInErrors(),
        nif.getOutErrors(),
        nif.getInDrops());
  }

  /** The sysfs spelling node_exporter copies into its label: {@code up}, {@code lowerlayerdown}. */
  String operstate() {
    return operStatus.name().toLowerCase(Locale.ROOT).replace("_", "");
  }
}
