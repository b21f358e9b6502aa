package dev.vigil.agent.collector.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountsParserTest {
  /** /proc/mounts of the Debian 12 VM this was written on. */
  static final String MOUNTS =
      """
      proc /proc proc rw,relatime 0 0
      sysfs /sys sysfs rw,relatime 0 0
      devtmpfs /dev devtmpfs rw,relatime,size=12334460k,nr_inodes=3083615,mode=755 0 0
      tmpfs /dev/shm tmpfs rw,relatime,size=24684084k 0 0
      devpts /dev/pts devpts rw,relatime,mode=600,ptmxmode=000 0 0
      /dev/vda / ext4 rw,relatime,discard,resv_strict,resuid=65534,resgid=65534 0 0
      model_tools_unavailable /mnt/sandboxing/model_tools_env/v1/python tmpfs ro,nosuid,nodev,relatime,size=4k,mode=755 0 0
      devpts /dev/pts devpts rw,relatime,mode=600,ptmxmode=000 0 0
      tmpfs /dev/shm tmpfs rw,relatime,size=24684084k 0 0
      tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
      cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
      cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
      none /sys/kernel/tracing tracefs rw,relatime 0 0
      """;

  @Test
  void shouldReadDeviceMountpointAndTypeOfEveryLine() {
    List<Mount> mounts = MountsParser.parse(MOUNTS);

    assertEquals(13, mounts.size());
    assertEquals(new Mount("/dev/vda", "/", "ext4"), mounts.get(5));
    assertEquals(new Mount("none", "/sys/kernel/tracing", "tracefs"), mounts.get(12));
  }

  @Test
  void shouldUnescapeSpacesAndTabsAndSkipShortLines() {
    List<Mount> mounts =
        MountsParser.parse(
            "/dev/sdb1 /media/USB\\040Stick vfat rw 0 0\n"
                + "/dev/sdc1 /mnt/a\\011b ext4 rw 0 0\n"
                + "broken line\n");

    assertEquals(
        List.of(
            new Mount("/dev/sdb1", "/media/USB Stick", "vfat"),
            new Mount("/dev/sdc1", "/mnt/a\tb", "ext4")),
        mounts);
  }
}
