package dev.vigil.collector.notify.escalation;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as Prometheus writes them: units from largest to smallest, each at most once,
 * e.g. {@code 0s}, {@code 15m}, {@code 1h30m}, {@code 2d}.
 */
final class PolicyDuration {
  private static final Pattern FORM =
      Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {
    7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L
  };

  private PolicyDuration() {}

  /**
   * @throws IllegalArgumentException naming the text when it is not such a duration
   */
  static Duration parse(String text) {
    Matcher m = FORM.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "must be a duration like 0s, 15m or 1h30m, got \"" + text + "\"");
    }
    long millis = 0;
    for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
      String digits = m.group(unit + 1);
      if (digits != null) {
        millis =
            Math.addExact(millis, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS[unit]));
      }
    }
    return Duration.ofMillis(millis);
  }
}
