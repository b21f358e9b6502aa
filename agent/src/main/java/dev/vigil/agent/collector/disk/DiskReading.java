package dev.vigil.agent.collector.disk;

import static dev.vigil.agent.collector.OshiText.known;

import oshi.hardware.HWDiskStore;

/** One disk's identity and cumulative I/O counters, read in one go. */
record DiskReading(
    String device,
    String model,
    String serial,
    long reads,
    long writes,
    long readBytes,
    long writeBytes,
    long transferMillis,
    long queueLength) {

  /** Copies {@code disk}'s current values; OSHI read them when it listed the disk. */
  static DiskReading of(HWDiskStore disk) {
    return new DiskReading(
        deviceName(disk.getName()),
        known(disk.getModel()),
        known(disk.getSerial()),
        disk.getReads(),
        disk.getWrites(),
        disk.getReadBytes(),
        disk.getWriteBytes(),
        disk.getTransferTime(),
        disk.getCurrentQueueLength());
  }

  /**
   * The short device name node_exporter uses, the part after the last separator: {@code sda} for
   * {@code /dev/sda}, {@code PHYSICALDRIVE0} for {@code \\.\PHYSICALDRIVE0}, {@code disk0} as is.
   */
  static String deviceName(String oshiName) {
    int cut = Math.max(oshiName.lastIndexOf('/'), oshiName.lastIndexOf('\\'));
    return oshiName.substring(cut + 1);
  }
}
