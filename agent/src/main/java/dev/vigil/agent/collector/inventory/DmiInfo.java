package dev.vigil.agent.collector.inventory;

import static dev.vigil.agent.collector.OshiText.known;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import oshi.hardware.Baseboard;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Firmware;

/**
 * The labels of {@code node_dmi_info}. A field the platform would not tell (the serial without root
 * on Linux) is empty, never guessed.
 */
record DmiInfo(
    String biosDate,
    String biosVendor,
    String biosVersion,
    String boardName,
    String boardVendor,
    String productName,
    String productSerial,
    String systemVendor) {

  /** The date format of sysfs' {@code bios_date}, which node_exporter passes on as it is. */
  private static final DateTimeFormatter NODE_EXPORTER_DATE =
      DateTimeFormatter.ofPattern("MM/dd/uuuu");

  /** Reads OSHI's view, which comes from sysfs (or dmidecode) on Linux and WMI on Windows. */
  static DmiInfo of(ComputerSystem system) {
    Firmware firmware = system.getFirmware();
    Baseboard board = system.getBaseboard();
    return new DmiInfo(
        biosDate(known(firmware.getReleaseDate())),
        known(firmware.getManufacturer()),
        known(firmware.getVersion()),
        known(board.getModel()),
        known(board.getManufacturer()),
        known(system.getModel()),
        known(system.getSerialNumber()),
        known(system.getManufacturer()));
  }

  /**
   * node_exporter's {@code bios_date}, {@code MM/dd/yyyy} as sysfs has it, from OSHI's ISO {@code
   * yyyy-MM-dd} (OSHI converts on every platform); anything else is passed on unchanged rather than
   * guessed at.
   */
  static String biosDate(String oshiDate) {
    try {
      return LocalDate.parse(oshiDate, DateTimeFormatter.ISO_LOCAL_DATE).format(NODE_EXPORTER_DATE);
    } catch (DateTimeParseException e) {
      return oshiDate;
    }
  }

  /** The label pairs, in node_exporter's names. */
  String[] labels() {
    return new String[] {
      "bios_date", biosDate,
      "bios_vendor", biosVendor,
      "bios_version", biosVersion,
      "board_name", boardName,
      "board_vendor", boardVendor,
      "product_name", productName,
      "product_serial", productSerial,
      "system_vendor", systemVendor
    };
  }
}
