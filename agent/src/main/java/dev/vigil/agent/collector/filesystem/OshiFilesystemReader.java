package dev.vigil.agent.collector.filesystem;

import java.util.ArrayList;
import java.util.List;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/** Lists local filesystems through OSHI, on the platforms without {@code /proc/mounts}. */
final class OshiFilesystemReader implements FilesystemReader {
  private final FileSystem fileSystem;

  OshiFilesystemReader(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  @Override
  public List<FilesystemReading> read() {
    List<FilesystemReading> readings = new ArrayList<>();
    for (OSFileStore store : fileSystem.getFileStores(true)) {
      readings.add(
          new FilesystemReading(
              store.getVolume(),
              store.getMount(),
              store.getType(),
              store.getTotalSpace(),
              store.getFreeSpace(),
              store.getUsableSpace()));
    }
    return readings;
  }
}
