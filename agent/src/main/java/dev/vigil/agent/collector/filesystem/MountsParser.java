package dev.vigil.agent.collector.filesystem;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code /proc/mounts} (fstab(5) format: device, mountpoint, type, options, dump, pass). The
 * kernel escapes a space in a path as {@code \040} and a tab as {@code \011}.
 */
final class MountsParser {
  private static final int FIELDS = 6;

  private MountsParser() {}

  /** Every well-formed line, in the file's order; lines with fewer than six fields are skipped. */
  static List<Mount> parse(String procMounts) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : procMounts.split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length >= FIELDS) {
        mounts.add(new Mount(unescape(fields[0]), unescape(fields[1]), fields[2]));
      }
    }
    return mounts;
  }

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t");
  }
}
