package dev.vigil.agent.collector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemInfoParserTest {

  @Test
  void shouldConvertKilobyteFieldsToBytes() {
    Map<String, Long> fields =
        MemInfoParser.parse(
            "MemTotal:       16303428 kB\nMemFree:          812340 kB\nMemAvailable:    40 kB\n");

    assertEquals(16303428L * 1024, fields.get("MemTotal"));
    assertEquals(812340L * 1024, fields.get("MemFree"));
    assertEquals(40L * 1024, fields.get("MemAvailable"));
  }

  @Test
  void shouldKeepUnitlessCountsAndSkipMalformedLines() {
    Map<String, Long> fields =
        MemInfoParser.parse("HugePages_Total:       3\ngarbage\nBroken: x kB\n\nMemFree: 1 kB");

    assertEquals(Map.of("HugePages_Total", 3L, "MemFree", 1024L), fields);
  }
}
