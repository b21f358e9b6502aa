package dev.vigil.agent.collector.network;

import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/** Lists interfaces through OSHI, on the platforms without {@code /proc/net/dev}. */
final class OshiInterfaceReader implements InterfaceReader {
  private final HardwareAbstractionLayer hardware;

  OshiInterfaceReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  /**
   * Lists the interfaces afresh every call because laptops gain and lose them (VPN, Wi-Fi); OSHI
   * reads each interface's counters when it lists it, so no extra updateAttributes() is needed.
   */
  @Override
  public List<InterfaceReading> read() {
    List<InterfaceReading> interfaces = new ArrayList<>();
    for (NetworkIF nif : hardware.getNetworkIFs(true)) {
      interfaces.add(InterfaceReading.of(nif));
    }
    return interfaces;
  }
}
