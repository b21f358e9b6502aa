package dev.vigil.agent.collector.disk;

import dev.vigil.agent.collector.procfs.LineParser;
import dev.vigil.agent.collector.procfs.NameTable;

/**
 * Parses {@code /proc/diskstats} in place, line by line, into the counters node_exporter's
 * diskstats collector reports. A line is {@code major minor name} and then the block layer's fields
 * (Documentation/admin-guide/iostats.rst), of which this keeps:
 *
 * <pre>
 * field  0 reads completed     2 sectors read     4 writes completed   6 sectors written
 *        8 I/Os in progress    9 milliseconds spent doing I/Os
 * </pre>
 */
final class DiskstatsParser extends LineParser {
  /** Sectors in these files are always 512 bytes, whatever the device's own sector size. */
  static final long SECTOR_BYTES = 512;

  private static final int FIELDS = 10;

  private final NameTable names = new NameTable();
  private final long[] fields = new long[FIELDS];
  private int major;
  private int minor;
  private String device;

  @Override
  protected boolean parseLine() {
    long majorNumber = scanner.nextLong();
    long minorNumber = scanner.nextLong();
    if (majorNumber < 0 || minorNumber < 0 || !scanner.nextToken()) {
      return false;
    }
    device = scanner.token(names);
    if (!scanner.nextLongs(fields, FIELDS)) {
      return false;
    }
    major = (int) majorNumber;
    minor = (int) minorNumber;
    return true;
  }

  int major() {
    return major;
  }

  int minor() {
    return minor;
  }

  /**
   * The kernel's name, {@code sda}; a {@code /} stands for sysfs' {@code !} ({@code cciss/c0d0}).
   */
  String device() {
    return device;
  }

  long reads() {
    return fields[0];
  }

  long readBytes() {
    return fields[2] * SECTOR_BYTES;
  }

  long writes() {
    return fields[4];
  }

  long writtenBytes() {
    return fields[6] * SECTOR_BYTES;
  }

  long inProgress() {
    return fields[8];
  }

  long ioMillis() {
    return fields[9];
  }
}
