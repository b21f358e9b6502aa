package dev.vigil.agent.collector.disk;

import dev.vigil.agent.collector.procfs.TextFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists disks from one read of {@code /proc/diskstats}, as node_exporter does, instead of OSHI's
 * udev enumeration and a sysfs read per disk. A device's identity (whole disk or partition, model,
 * serial) is resolved the first time it appears and kept while it stays.
 */
final class LinuxDiskReader implements DiskReader {
  private final Path diskstats;
  private final DiskIdentityReader identities;
  private final TextFileReader file = new TextFileReader(4096);
  private final DiskstatsParser parser = new DiskstatsParser();
  private final List<DiskReading> disks = new ArrayList<>();
  private Map<String, DiskIdentity> known = new HashMap<>();
  private Map<String, DiskIdentity> seen = new HashMap<>();

  /** Reads {@code <procRoot>/diskstats}, {@code <sysRoot>/block} and the udev database. */
  LinuxDiskReader(Path procRoot, Path sysRoot, Path udevDataDir) {
    this.diskstats = procRoot.resolve("diskstats");
    this.identities = new DiskIdentityReader(sysRoot, udevDataDir);
  }

  @Override
  public List<DiskReading> read() throws IOException {
    file.read(diskstats);
    parser.wrap(file.buffer(), file.length());
    disks.clear();
    while (parser.next()) {
      DiskIdentity identity = identify(parser.device(), parser.major(), parser.minor());
      if (identity.wholeDisk()) {
        disks.add(reading(identity));
      }
    }
    forgetRemovedDevices();
    return disks;
  }

  private DiskIdentity identify(String device, int major, int minor) throws IOException {
    DiskIdentity identity = known.get(device);
    if (identity == null || !identity.matches(major, minor)) {
      identity = identities.resolve(device, major, minor);
    }
    seen.put(device, identity);
    return identity;
  }

  /** Keeps only the devices of this read, so unplugged ones are forgotten (and re-resolved). */
  private void forgetRemovedDevices() {
    Map<String, DiskIdentity> previous = known;
    known = seen;
    seen = previous;
    seen.clear();
  }

  private DiskReading reading(DiskIdentity identity) {
    return new DiskReading(
        parser.device(),
        identity.model(),
        identity.serial(),
        parser.reads(),
        parser.writes(),
        parser.readBytes(),
        parser.writtenBytes(),
        parser.ioMillis(),
        parser.inProgress());
  }
}
