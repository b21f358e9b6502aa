package dev.vigil.agent.collector.inventory;

import static dev.vigil.agent.collector.OshiText.known;

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

  /**
   * Reads OSHI's view, which comes from sysfs (or dmidecode) on Linux and WMI on Windows; OSHI
   * gives the BIOS date as ISO {@code yyyy-MM-dd} where sysfs says {@code MM/dd/yyyy}.
   */
  static DmiInfo of(ComputerSystem system) {
    Firmware firmware = system.getFirmware();
    Baseboard board = system.getBaseboard();
    return new DmiInfo(
        known(firmware.getReleaseDate()),
        known(firmware.getManufacturer()),
        known(firmware.getVersion()),
        known(board.getModel()),
        known(board.getManufacturer()),
        known(system.getModel()),
        known(system.getSerialNumber()),
        known(system.getManufacturer()));
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
