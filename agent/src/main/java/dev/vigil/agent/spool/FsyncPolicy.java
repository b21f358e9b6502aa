package dev.vigil.agent.spool;

import java.util.Locale;

/** When the spool forces its writes to the disk; what each choice can lose is in the README. */
public enum FsyncPolicy {
  /**
   * Every append is forced to the disk (data and, for a new segment, the directory entry) before it
   * returns: one fsync per tick. A crash of the whole machine loses no tick that was spooled.
   */
  ALWAYS,

  /**
   * Appends go to the operating system's page cache and are written back when the system chooses
   * (Linux: dirty pages older than 30 s by default). A crashed agent loses nothing; a power cut can
   * lose the ticks not yet written back, and recovery truncates the torn end.
   */
  NEVER;

  /** The policy named {@code text}, case-insensitively: {@code always} or {@code never}. */
  public static FsyncPolicy parse(String text) {
    for (FsyncPolicy policy : values()) {
      if (policy.name().equalsIgnoreCase(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("must be always or never, got \"" + text + "\"");
  }

  /** The name as written in settings. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
