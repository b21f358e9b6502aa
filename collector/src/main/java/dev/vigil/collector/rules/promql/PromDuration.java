package dev.vigil.collector.rules.promql;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus spells them ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}, {@code
 * 0}): whole numbers with the units {@code y} (365 days), {@code w}, {@code d}, {@code h}, {@code
 * m}, {@code s} and {@code ms}, each at most once, largest first. No fractions and no spaces, as in
 * Prometheus 2.
 */
public final class PromDuration {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1
  };

  private PromDuration() {}

  /**
   * The duration {@code text} spells.
   *
   * @throws IllegalArgumentException saying what a duration looks like
   */
  public static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SYNTAX.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration like 30s, 5m, 1h30m or 7d, got \"" + text + "\"");
    }
    long millis = 0;
    for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
      String count = m.group(unit + 1);
      if (count != null) {
        try {
          millis =
              Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), UNIT_MILLIS[unit]));
        } catch (ArithmeticException | NumberFormatException e) {
          throw new IllegalArgumentException("duration \"" + text + "\" is too long", e);
        }
      }
    }
    return Duration.ofMillis(millis);
  }

  /** {@code duration} as Prometheus prints it: {@code 1h30m}, {@code 7d}, {@code 0s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
    for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
      long count = millis / UNIT_MILLIS[unit];
      if (count > 0) {
        text.append(count).append(units[unit]);
        millis -= count * UNIT_MILLIS[unit];
      }
    }
    return text.toString();
  }
}
