package dev.vigil.agent.collector.filesystem;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists local filesystems from {@code /proc/mounts} and a statvfs(3) per mount, as node_exporter
 * does. OSHI did the same plus a udev UUID map, a {@code /dev/mapper} scan and an {@code lsblk}
 * child process per call, none of which the agent reports.
 */
final class LinuxFilesystemReader implements FilesystemReader {
  private final Path mounts;

  /** Reads {@code <procRoot>/mounts}. */
  LinuxFilesystemReader(Path procRoot) {
    this.mounts = procRoot.resolve("mounts");
  }

  @Override
  public List<FilesystemReading> read() throws IOException {
    List<FilesystemReading> readings = new ArrayList<>();
    for (Mount mount : MountsParser.parse(Files.readString(mounts, StandardCharsets.UTF_8))) {
      if (LocalMountFilter.accepts(mount)) {
        readings.add(statvfs(mount));
      }
    }
    return readings;
  }

  /**
   * Java's File space queries are statvfs(3): f_blocks, f_bfree and f_bavail times f_frsize,
   * exactly what OSHI computed; each is 0 when the call fails (a mount the agent may not enter).
   */
  private static FilesystemReading statvfs(Mount mount) {
    File dir = new File(mount.mountpoint());
    return new FilesystemReading(
        mount.device(),
        mount.mountpoint(),
        mount.fstype(),
        dir.getTotalSpace(),
        dir.getFreeSpace(),
        dir.getUsableSpace());
  }
}
