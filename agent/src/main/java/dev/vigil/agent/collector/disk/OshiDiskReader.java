package dev.vigil.agent.collector.disk;

import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/** Lists disks through OSHI, on the platforms without {@code /proc/diskstats}. */
final class OshiDiskReader implements DiskReader {
  private final HardwareAbstractionLayer hardware;

  OshiDiskReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  /**
   * Lists the disks afresh every call so that plugged-in drives appear; OSHI reads each disk's
   * counters when it lists it, so no extra updateAttributes() is needed.
   */
  @Override
  public List<DiskReading> read() {
    List<DiskReading> disks = new ArrayList<>();
    for (HWDiskStore disk : hardware.getDiskStores()) {
      disks.add(DiskReading.of(disk));
    }
    return disks;
  }
}
