package dev.vigil.agent.collector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemInfoParserTest {
  private final MemInfoParser parser =
      new MemInfoParser(List.of("MemTotal", "MemFree", "MemAvailable", "HugePages_Total"));

  private void parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    parser.parse(bytes, bytes.length);
  }

  @Test
  void shouldConvertKilobyteFieldsToBytes() {
    parse("MemTotal:       16303428 kB\nMemFree:          812340 kB\nMemAvailable:    40 kB\n");

    assertEquals(16303428L * 1024, parser.value(0));
    assertEquals(812340L * 1024, parser.value(1));
    assertEquals(40L * 1024, parser.value(2));
  }

  @Test
  void shouldKeepUnitlessCountsAndSkipMalformedLines() {
    parse("HugePages_Total:       3\ngarbage\nMemAvailable: x kB\n\nMemFree: 1 kB");

    assertEquals(3, parser.value(3));
    assertEquals(1024, parser.value(1));
    assertEquals(-1, parser.value(2), "malformed");
    assertEquals(-1, parser.value(0), "absent");
  }

  @Test
  void shouldForgetTheLastReadsValues() {
    parse("MemTotal: 2 kB\n");
    parse("MemFree: 1 kB\n");

    assertEquals(-1, parser.value(0));
  }

  @Test
  void shouldNotTakeAFieldForAnotherThatStartsLikeIt() {
    parse("MemTotalish: 5 kB\nMemFreeze: 6 kB\n");

    assertEquals(-1, parser.value(0));
    assertEquals(-1, parser.value(1));
  }
}
