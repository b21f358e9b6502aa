package dev.vigil.agent.collector.network;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import oshi.util.PlatformEnum;

/**
 * Reports node_exporter's per-interface {@code node_network_*} counters, state and properties: on
 * Linux from {@code /proc/net/dev} and sysfs as node_exporter reads them, elsewhere through OSHI.
 * {@code node_network_transmit_drop_total} is absent: OSHI counts only inbound drops, and a made-up
 * zero would read as a healthy link.
 */
public final class NetworkCollector implements Collector {
  static final Metric RECEIVE_BYTES = statistic("receive_bytes");
  static final Metric TRANSMIT_BYTES = statistic("transmit_bytes");
  static final Metric RECEIVE_PACKETS = statistic("receive_packets");
  static final Metric TRANSMIT_PACKETS = statistic("transmit_packets");
  static final Metric RECEIVE_ERRS = statistic("receive_errs");
  static final Metric TRANSMIT_ERRS = statistic("transmit_errs");
  static final Metric RECEIVE_DROP = statistic("receive_drop");
  static final Metric TRANSMIT_DROP = statistic("transmit_drop");
  static final Metric UP =
      Metric.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.");
  static final Metric MTU = property("mtu_bytes");
  static final Metric SPEED = property("speed_bytes");
  static final Metric INFO =
      Metric.gauge(
          "node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.");

  private final InterfaceReader reader;

  /** Reads the interfaces of {@code context}'s host. */
  public NetworkCollector(CollectorContext context) {
    this.reader =
        context.platform() == PlatformEnum.LINUX
            ? new LinuxInterfaceReader(context.procRoot(), context.sysRoot())
            : new OshiInterfaceReader(context.systemInfo().getHardware());
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    for (InterfaceReading nif : reader.read()) {
      emit(nif, sink);
    }
  }

  static void emit(InterfaceReading nif, MetricSink sink) {
    String device = nif.device();
    sink.add(RECEIVE_BYTES, nif.receiveBytes(), "device", device);
    sink.add(TRANSMIT_BYTES, nif.transmitBytes(), "device", device);
    sink.add(RECEIVE_PACKETS, nif.receivePackets(), "device", device);
    sink.add(TRANSMIT_PACKETS, nif.transmitPackets(), "device", device);
    sink.add(RECEIVE_ERRS, nif.receiveErrs(), "device", device);
    sink.add(TRANSMIT_ERRS, nif.transmitErrs(), "device", device);
    sink.add(RECEIVE_DROP, nif.receiveDrop(), "device", device);
    if (nif.transmitDrop() != InterfaceReading.UNCOUNTED) {
      sink.add(TRANSMIT_DROP, nif.transmitDrop(), "device", device);
    }
    sink.add(UP, nif.up() ? 1 : 0, "device", device);
    // Zero means the platform did not say (virtual links, Wi-Fi on some drivers): leave it absent.
    if (nif.mtu() > 0) {
      sink.add(MTU, nif.mtu(), "device", device);
    }
    if (nif.speedBitsPerSecond() > 0) {
      sink.add(SPEED, nif.speedBitsPerSecond() / 8.0, "device", device);
    }
    sink.add(INFO, 1, "device", device, "address", nif.address(), "operstate", nif.operstate());
  }

  private static Metric statistic(String name) {
    return Metric.counter(
        "node_network_" + name + "_total", "Network device statistic " + name + ".");
  }

  private static Metric property(String name) {
    return Metric.gauge("node_network_" + name, "Network device property: " + name);
  }
}
