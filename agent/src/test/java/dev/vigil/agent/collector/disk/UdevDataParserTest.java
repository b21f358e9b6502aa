package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UdevDataParserTest {
  /**
   * A udev database entry in systemd-udevd's format (S: symlinks, I: init time, E: properties, G:
   * tags); this machine runs no udevd, so the entry is written from that format, not captured.
   */
  static final String NVME_ENTRY =
      """
      S:disk/by-id/nvme-Samsung_SSD_980_1TB_S64ANS0T412345X
      S:disk/by-path/pci-0000:02:00.0-nvme-1
      I:4208712
      E:ID_SERIAL_SHORT=S64ANS0T412345X
      E:ID_WWN=eui.002538b411b2ab12
      E:ID_MODEL=Samsung SSD 980 1TB
      E:ID_REVISION=1B4QFXO7
      E:ID_SERIAL=Samsung SSD 980 1TB_S64ANS0T412345X
      G:systemd
      """;

  @Test
  void shouldReadPropertiesByExactKey() {
    assertEquals("Samsung SSD 980 1TB", UdevDataParser.property(NVME_ENTRY, "ID_MODEL"));
    assertEquals("S64ANS0T412345X", UdevDataParser.property(NVME_ENTRY, "ID_SERIAL_SHORT"));
    assertEquals(
        "Samsung SSD 980 1TB_S64ANS0T412345X", UdevDataParser.property(NVME_ENTRY, "ID_SERIAL"));
  }

  @Test
  void shouldAnswerNullForAMissingPropertyOrAnEmptyEntry() {
    assertNull(UdevDataParser.property(NVME_ENTRY, "DM_UUID"));
    assertNull(UdevDataParser.property(NVME_ENTRY, "systemd"));
    assertNull(UdevDataParser.property("", "ID_MODEL"));
  }
}
