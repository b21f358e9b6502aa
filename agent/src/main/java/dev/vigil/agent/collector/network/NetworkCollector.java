package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/** Reports {@code node_network_receive/transmit_bytes_total{device}}. */
public final class NetworkCollector implements Collector {
  static final Metric RECEIVE_BYTES =
      Metric.counter("node_network_receive_bytes_total", "Network device statistic receive_bytes.");
  static final Metric TRANSMIT_BYTES =
      Metric.counter(
          "node_network_transmit_bytes_total", "Network device statistic transmit_bytes.");

  private final HardwareAbstractionLayer hardware;

  /** Reads the interfaces of {@code context}'s host. */
  public NetworkCollector(CollectorContext context) {
    this.hardware = context.systemInfo().getHardware();
  }

  @Override
  public String name() {
    return "network";
  }

  /**
   * Lists the interfaces afresh every tick because laptops gain and lose them (VPN, Wi-Fi); OSHI
   * reads each interface's counters when it lists it, so no extra updateAttributes() is needed.
   */
  @Override
  public void collect(MetricSink sink) {
    for (NetworkIF nif : hardware.getNetworkIFs(true)) {
      sink.add(RECEIVE_BYTES, nif.getBytesRecv(), "device", nif.getName());
      sink.add(TRANSMIT_BYTES, nif.getBytesSent(), "device", nif.getName());
    }
  }
}
