package dev.vigil.agent.collector.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SysfsInterfaceParserTest {
  private final SysfsInterfaceParser parser = new SysfsInterfaceParser();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private long number(String text) {
    return parser.number(bytes(text), text.length());
  }

  private String operstate(String text) {
    return parser.operstate(bytes(text), text.length());
  }

  private String address(String text) {
    return parser.address(bytes(text), text.length());
  }

  @Test
  void shouldReadNumbersAndTreatMinusOneAsUnknown() {
    assertEquals(1400, number("1400\n"));
    assertEquals(10000, number("10000\n"));
    assertEquals(0, number("-1\n"));
    assertEquals(0, number(""));
  }

  @Test
  void shouldKeepTheSysfsSpellingOfOperstate() {
    assertEquals("up", operstate("up\n"));
    assertEquals("lowerlayerdown", operstate("lowerlayerdown\n"));
    assertEquals("unknown", operstate(""));
    assertSame(operstate("dormant\n"), operstate("dormant\n"));
  }

  @Test
  void shouldReportNoAddressWhereJavaReportedNone() {
    assertEquals("02:fc:00:00:00:01", address("02:fc:00:00:00:01\n"));
    assertEquals("", address("00:00:00:00:00:00\n"), "loopback");
    assertEquals("", address("\n"), "a tunnel");
  }
}
