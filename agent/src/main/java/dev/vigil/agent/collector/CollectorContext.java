package dev.vigil.agent.collector;

import java.nio.file.Path;
import java.time.Clock;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

/**
 * What every collector may read from: the process-wide OSHI handle (created once, because
 * re-creating it is expensive on Windows), the clock, the platform and the procfs and sysfs roots.
 */
public record CollectorContext(
    SystemInfo systemInfo, Clock clock, PlatformEnum platform, Path procRoot, Path sysRoot) {

  /** A context whose sysfs is the real {@code /sys}, for collectors that read only procfs. */
  public CollectorContext(
      SystemInfo systemInfo, Clock clock, PlatformEnum platform, Path procRoot) {
    this(systemInfo, clock, platform, procRoot, Path.of("/sys"));
  }

  /** A context for this host, reading the real procfs and sysfs below the given roots. */
  public static CollectorContext forHost(Path procRoot, Path sysRoot) {
    return new CollectorContext(
        new SystemInfo(), Clock.systemUTC(), PlatformEnum.getCurrentPlatform(), procRoot, sysRoot);
  }
}
