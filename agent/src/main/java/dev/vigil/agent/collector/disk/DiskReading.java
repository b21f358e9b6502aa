package dev.vigil.agent.collector.disk;

import oshi.hardware.HWDiskStore;

/** One disk's identity and cumulative I/O counters, copied out of OSHI in one go. */
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

  /** What OSHI reports for a model or serial it could not read. */
  private static final String OSHI_UNKNOWN = "unknown";

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

  /** An unreadable model or serial becomes an empty label rather than the word "unknown". */
  static String known(String value) {
    return value == null || value.isBlank() || value.equals(OSHI_UNKNOWN) ? "" : value.strip();
  }
}
