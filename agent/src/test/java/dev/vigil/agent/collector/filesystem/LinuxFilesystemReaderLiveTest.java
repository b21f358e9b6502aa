package dev.vigil.agent.collector.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** This host's real /proc/mounts and statvfs against what OSHI reported before. */
class LinuxFilesystemReaderLiveTest {

  @Test
  void shouldListTheFilesystemsOshiListsWithTheSameSpace() throws IOException {
    List<FilesystemReading> oshi =
        new OshiFilesystemReader(new SystemInfo().getOperatingSystem().getFileSystem()).read();
    List<FilesystemReading> ours = new LinuxFilesystemReader(Path.of("/proc")).read();

    assertFalse(ours.isEmpty());
    assertEquals(identities(oshi), identities(ours));
    for (int i = 0; i < ours.size(); i++) {
      FilesystemReading expected = oshi.get(i);
      FilesystemReading actual = ours.get(i);
      assertEquals(expected.size(), actual.size(), actual.mountpoint());
      // Free space moves while other processes write; 1% of the size still tells free from avail.
      long slack = expected.size() / 100;
      assertTrue(Math.abs(expected.free() - actual.free()) <= slack, actual::toString);
      assertTrue(Math.abs(expected.avail() - actual.avail()) <= slack, actual::toString);
    }
  }

  private static List<String> identities(List<FilesystemReading> readings) {
    return readings.stream()
        .map(fs -> fs.device() + " " + fs.mountpoint() + " " + fs.fstype())
        .toList();
  }
}
