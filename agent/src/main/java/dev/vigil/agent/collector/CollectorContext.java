package dev.vigil.agent.collector;

import java.nio.file.Path;
import java.time.Clock;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

/**
 * What every collector may read from: the process-wide OSHI handle (created once, because
 * re-creating it is expensive on Windows), the clock, the platform and the procfs root.
 */
public record CollectorContext(
    SystemInfo systemInfo, Clock clock, PlatformEnum platform, Path procRoot) {

  /** A context for this host, reading the real procfs below {@code procRoot}. */
  public static CollectorContext forHost(Path procRoot) {
    return new CollectorContext(
        new SystemInfo(), Clock.systemUTC(), PlatformEnum.getCurrentPlatform(), procRoot);
  }
}
