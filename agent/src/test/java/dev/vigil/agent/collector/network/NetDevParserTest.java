package dev.vigil.agent.collector.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevParserTest {
  /** /proc/net/dev of the Debian 12 VM this was written on. */
  static final String NET_DEV =
      """
      Inter-|   Receive                                                |  Transmit
       face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
          lo: 126848865  372538    0    0    0     0          0         0 126848865  372538    0    0    0     0       0          0
        ifb0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
        ifb1:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
        eth0: 192739821    8931    0    0    0     0          0         0   848452    7440    0    0    0     0       0          0
      """;

  private final NetDevParser parser = new NetDevParser();

  private void wrap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    parser.wrap(bytes, bytes.length);
  }

  @Test
  void shouldListEveryInterfaceAfterTheHeader() {
    wrap(NET_DEV);
    List<String> devices = new ArrayList<>();
    while (parser.next()) {
      devices.add(parser.device());
    }

    assertEquals(List.of("lo", "ifb0", "ifb1", "eth0"), devices);
  }

  @Test
  void shouldReadReceiveAndTransmitColumns() {
    wrap(NET_DEV);
    for (int i = 0; i < 4; i++) {
      parser.next();
    }

    assertEquals("eth0", parser.device());
    assertEquals(192739821, parser.receiveBytes());
    assertEquals(8931, parser.receivePackets());
    assertEquals(848452, parser.transmitBytes());
    assertEquals(7440, parser.transmitPackets());
  }

  @Test
  void shouldTellErrorAndDropColumnsApart() {
    wrap("h\nh\n" + "wlp2s0:100 10 1 2 3 4 5 6 200 20 7 8 9 10 11 12\n" + "veth1a2b3c:1 2 3\n");

    assertTrue(parser.next());
    assertEquals(1, parser.receiveErrs());
    assertEquals(2, parser.receiveDrop());
    assertEquals(7, parser.transmitErrs());
    assertEquals(8, parser.transmitDrop());
    assertFalse(parser.next(), "a line short of columns is skipped");
  }
}
