package dev.vigil.agent.collector.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkCollectorTest {

  private static List<Sample> emit(InterfaceReading nif) {
    SampleList sink = new SampleList();
    NetworkCollector.emit(nif, sink);
    return sink.samples();
  }

  private static InterfaceReading eth0(String operstate, long mtu, long speedBitsPerSecond) {
    return new InterfaceReading(
        "eth0", "52:54:00:12:34:56", operstate, mtu, speedBitsPerSecond, 1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void shouldMapCountersStateAndPropertiesToNodeExporterNames() {
    List<Sample> samples = emit(eth0("up", 1500, 1_000_000_000L));

    assertEquals(1, value(samples, "node_network_receive_bytes_total"));
    assertEquals(2, value(samples, "node_network_transmit_bytes_total"));
    assertEquals(3, value(samples, "node_network_receive_packets_total"));
    assertEquals(4, value(samples, "node_network_transmit_packets_total"));
    assertEquals(5, value(samples, "node_network_receive_errs_total"));
    assertEquals(6, value(samples, "node_network_transmit_errs_total"));
    assertEquals(7, value(samples, "node_network_receive_drop_total"));
    assertEquals(8, value(samples, "node_network_transmit_drop_total"));
    assertEquals(1, value(samples, "node_network_up"));
    assertEquals(1500, value(samples, "node_network_mtu_bytes"));
    assertEquals(125_000_000, value(samples, "node_network_speed_bytes"));
    assertEquals(
        List.of("address", "52:54:00:12:34:56", "device", "eth0", "operstate", "up"),
        find(samples, "node_network_info").orElseThrow().labels().pairs());
  }

  @Test
  void shouldLeaveOutTransmitDropsWhereThePlatformDoesNotCountThem() {
    assertFalse(
        find(emit(withTransmitDrop(InterfaceReading.UNCOUNTED)), "node_network_transmit_drop_total")
            .isPresent());
    assertEquals(
        0,
        value(emit(withTransmitDrop(0)), "node_network_transmit_drop_total"),
        "a counted zero is reported");
  }

  private static InterfaceReading withTransmitDrop(long drops) {
    return new InterfaceReading("eth0", "", "up", 1500, 0, 1, 2, 3, 4, 5, 6, 7, drops);
  }

  @Test
  void shouldOmitSpeedAndMtuThePlatformDidNotReport() {
    List<Sample> samples = emit(eth0("up", 0, 0));

    assertFalse(find(samples, "node_network_speed_bytes").isPresent());
    assertFalse(find(samples, "node_network_mtu_bytes").isPresent());
  }

  @Test
  void shouldReportDownInterfacesAsNotUpWithTheirSysfsOperstate() {
    List<Sample> samples = emit(eth0("lowerlayerdown", 1500, 0));

    assertEquals(0, value(samples, "node_network_up"));
    assertEquals(
        "lowerlayerdown", find(samples, "node_network_info").orElseThrow().labels().value(2));
  }

  private static double value(List<Sample> samples, String name) {
    return find(samples, name).orElseThrow().value();
  }

  private static Optional<Sample> find(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.metric().name().equals(name)).findFirst();
  }
}
