package dev.vigil.agent.collector.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalMountFilterTest {

  @Test
  void shouldKeepTheMountsOshiListedOnThisVm() {
    List<Mount> kept =
        MountsParser.parse(MountsParserTest.MOUNTS).stream()
            .filter(LocalMountFilter::accepts)
            .toList();

    assertEquals(
        List.of("/", "/mnt/sandboxing/model_tools_env/v1/python"),
        kept.stream().map(Mount::mountpoint).toList());
  }

  @ParameterizedTest
  @CsvSource({
    "/dev/nvme0n1p2, /, ext4",
    "overlay, /, overlay",
    "/dev/nvme0n1p1, /boot/efi, vfat",
    "tmpfs, /tmp, tmpfs",
    "/dev/sdb1, /media/usb, fuseblk",
    "/dev/sdb1, /srv/shmem, ext4"
  })
  void shouldKeepLocalFilesystems(String device, String mountpoint, String fstype) {
    assertTrue(LocalMountFilter.accepts(new Mount(device, mountpoint, fstype)));
  }

  @ParameterizedTest
  @CsvSource({
    "server:/export, /mnt/nfs, nfs4",
    "//server/share, /mnt/smb, cifs",
    "tmpfs, /run, tmpfs",
    "tmpfs, /run/user/1000, tmpfs",
    "tmpfs, /dev/shm, tmpfs",
    "udev, /dev, devtmpfs",
    "/dev/loop3, /snap/core22/1380, squashfs",
    "portal, /run/user/1000/doc, fuse.portal",
    "gvfsd-fuse, /home/ann/.gvfs, fuse"
  })
  void shouldLeaveOutNetworkPseudoAndRuntimeMounts(
      String device, String mountpoint, String fstype) {
    assertFalse(LocalMountFilter.accepts(new Mount(device, mountpoint, fstype)));
  }
}
