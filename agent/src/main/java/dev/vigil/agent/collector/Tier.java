package dev.vigil.agent.collector;

import java.time.Duration;

/**
 * How often a collector runs and how long one run may take before it counts as failed. A slower
 * tier's latest good samples are repeated in every tick's batch (see {@link CollectorRunner}).
 *
 * <p>The timeouts: a tick-tier run gets a third of the interval (5 s at the default 15 s), because
 * the tick waits for its tick-tier runs and must still end well before the next tick, yet a busy
 * two-core laptop must not see a slow OSHI call flagged as failed. A minute-tier run gets 30 s: far
 * beyond any healthy {@code statvfs()} or sysfs read, and short enough that a hung file system is
 * reported before the run would next be due. A day-tier run gets 2 minutes, room for a cold WMI
 * query on Windows. A slower tier never gets less time than the tick tier.
 */
public enum Tier {
  /** Counters and cheap gauges: every tick. */
  TICK,
  /** File systems, sensors and power supplies: every minute. */
  MINUTE,
  /** Inventory: on the first tick, then daily. */
  DAY;

  private static final Duration MINUTE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DAY_TIMEOUT = Duration.ofMinutes(2);

  /** Time between runs when ticks are {@code interval} apart. */
  Duration period(Duration interval) {
    return switch (this) {
      case TICK -> interval;
      case MINUTE -> Duration.ofMinutes(1);
      case DAY -> Duration.ofDays(1);
    };
  }

  /**
   * Ticks from one run's start to the next: the first tick at least a period later, so a minute is
   * 4 ticks of 15 s and 9 ticks of 7 s; at least 1. Counting ticks, not reading a clock, keeps the
   * cadence exact however late a tick fires.
   */
  long everyTicks(Duration interval) {
    long periodNanos = period(interval).toNanos();
    long intervalNanos = interval.toNanos();
    return Math.max(1, (periodNanos + intervalNanos - 1) / intervalNanos);
  }

  /** Longest one run may take before it is reported failed. */
  Duration timeout(Duration interval) {
    Duration tickBudget = interval.dividedBy(3);
    Duration own =
        switch (this) {
          case TICK -> tickBudget;
          case MINUTE -> MINUTE_TIMEOUT;
          case DAY -> DAY_TIMEOUT;
        };
    return own.compareTo(tickBudget) < 0 ? tickBudget : own;
  }
}
