package dev.vigil.agent.collector.filesystem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilesystemFilterTest {

  @ParameterizedTest
  @CsvSource({
    "ext4, /",
    "xfs, /home",
    "vfat, /boot/efi",
    "tmpfs, /tmp",
    "tmpfs, /run",
    "NTFS, C:\\",
    "ext4, /devices",
    "ext4, /var/lib/docker",
    "ext4, /system"
  })
  void shouldKeepRealFilesystems(String fstype, String mountpoint) {
    assertTrue(FilesystemFilter.accepts(fstype, mountpoint));
  }

  @ParameterizedTest
  @CsvSource({
    "proc, /proc",
    "sysfs, /sys",
    "cgroup, /sys/fs/cgroup/cpu",
    "cgroup2, /sys/fs/cgroup",
    "overlay, /",
    "squashfs, /snap/core/1",
    "devtmpfs, /dev",
    "tmpfs, /dev/shm",
    "tmpfs, /run/credentials/getty.service",
    "ext4, /var/lib/docker/overlay2/abc/merged",
    "xfs, /var/lib/containers/storage/overlay",
    "ext4, /sys"
  })
  void shouldExcludePseudoAndContainerFilesystems(String fstype, String mountpoint) {
    assertFalse(FilesystemFilter.accepts(fstype, mountpoint));
  }
}
