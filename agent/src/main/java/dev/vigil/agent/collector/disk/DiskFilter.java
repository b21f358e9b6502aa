package dev.vigil.agent.collector.disk;

import java.util.regex.Pattern;

/**
 * node_exporter's default device exclusions on Linux: RAM disks, zram, loop devices, floppies and
 * partitions. Names from other platforms (PHYSICALDRIVE0, disk0) never match.
 */
final class DiskFilter {
  static final Pattern EXCLUDED_DEVICES =
      Pattern.compile("^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$");

  private DiskFilter() {}

  /** Whether the disk with short name {@code device} is reported. */
  static boolean accepts(String device) {
    return !EXCLUDED_DEVICES.matcher(device).matches();
  }
}
