package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskstatsParserTest {
  /** /proc/diskstats of the Debian 12 VM this was written on (kernel 6.x, 17 fields per line). */
  static final String DISKSTATS =
      """
         7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
         7       1 loop1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
       254       0 vda 502154 57589 21350666 644948 603200 246722 23017256 200792 0 165184 894564 160354 71 14255696 35358 183526 13464
       253       0 zram0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
      """;

  private final DiskstatsParser parser = new DiskstatsParser();

  private void wrap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    parser.wrap(bytes, bytes.length);
  }

  @Test
  void shouldReadEveryDeviceWithItsNumbers() {
    wrap(DISKSTATS);
    List<String> devices = new ArrayList<>();
    while (parser.next()) {
      devices.add(parser.device() + "@" + parser.major() + ":" + parser.minor());
    }

    assertEquals(List.of("loop0@7:0", "loop1@7:1", "vda@254:0", "zram0@253:0"), devices);
  }

  @Test
  void shouldReadTheCountersNodeExporterReportsInItsUnits() {
    wrap(DISKSTATS);
    parser.next();
    parser.next();
    assertTrue(parser.next());

    assertEquals("vda", parser.device());
    assertEquals(502154, parser.reads());
    assertEquals(21350666L * 512, parser.readBytes());
    assertEquals(603200, parser.writes());
    assertEquals(23017256L * 512, parser.writtenBytes());
    assertEquals(0, parser.inProgress());
    assertEquals(165184, parser.ioMillis());
  }

  @Test
  void shouldReadTheElevenFieldsOfKernelsBefore4_18() {
    wrap("   8       0 sda 9 1 80 4 7 2 56 3 1 12 7\n");

    assertTrue(parser.next());
    assertEquals(9, parser.reads());
    assertEquals(1, parser.inProgress());
    assertEquals(12, parser.ioMillis());
  }

  @Test
  void shouldSkipLinesTooShortOrNotNumeric() {
    wrap("   8 0 sda 1 2 3\nmajor minor name\n   8 1 sda1 1 2 3 4 5 6 7 8 9 10 11\n");

    assertTrue(parser.next());
    assertEquals("sda1", parser.device());
    assertFalse(parser.next());
  }
}
