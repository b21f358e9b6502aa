package dev.vigil.collector.rules.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written the way Prometheus' templates write them: Go's {@code %v} (what {@code {{ $value
 * }}} prints) and {@code %.4g}, and the {@code humanize}, {@code humanizePercentage} and {@code
 * humanizeDuration} functions built on them, so that an annotation reads the same in Vigil's
 * notifications as in Prometheus'.
 */
final class GoNumbers {
  private static final String[] BIG_PREFIXES = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final String[] SMALL_PREFIXES = {"m", "u", "n", "p", "f", "a", "z", "y"};
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

  /** Go's %g decides between %e and %f at this exponent when printing the shortest form. */
  private static final int SHORTEST_EXPONENT_LIMIT = 6;

  private GoNumbers() {}

  /** Go's {@code %v} of a float64: the shortest digits that read back as the same value. */
  static String value(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return special(v);
    }
    BigDecimal digits = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    return sign(v) + general(digits, SHORTEST_EXPONENT_LIMIT);
  }

  /** Go's {@code %.4g}: four significant digits, trailing zeros dropped. */
  static String fourDigits(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return special(v);
    }
    BigDecimal digits = new BigDecimal(Math.abs(v)).round(FOUR_DIGITS).stripTrailingZeros();
    return sign(v) + general(digits, 4);
  }

  /** Prometheus' {@code humanize}: four digits with an SI prefix (1.235k, 12.5m). */
  static String humanize(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return fourDigits(v);
    }
    double scaled = v;
    String prefix = "";
    if (Math.abs(scaled) >= 1) {
      for (int i = 0; i < BIG_PREFIXES.length && Math.abs(scaled) >= 1000; i++) {
        prefix = BIG_PREFIXES[i];
        scaled /= 1000;
      }
    } else {
      for (int i = 0; i < SMALL_PREFIXES.length && Math.abs(scaled) < 1; i++) {
        prefix = SMALL_PREFIXES[i];
        scaled *= 1000;
      }
    }
    return fourDigits(scaled) + prefix;
  }

  /** Prometheus' {@code humanizePercentage}: a ratio as a percentage, {@code 0.934} → 93.4%. */
  static String humanizePercentage(double v) {
    return fourDigits(v * 100) + "%";
  }

  /** Prometheus' {@code humanizeDuration}: seconds as {@code 1d 2h 3m 4s}, or 1.5s, 250ms. */
  static String humanizeDuration(double v) {
    if (!Double.isFinite(v)) {
      return fourDigits(v);
    }
    if (v == 0) {
      return fourDigits(v) + "s";
    }
    if (Math.abs(v) >= 1) {
      return wholeDuration(v);
    }
    double scaled = v;
    String prefix = "";
    for (int i = 0; i < SMALL_PREFIXES.length && Math.abs(scaled) < 1; i++) {
      prefix = SMALL_PREFIXES[i];
      scaled *= 1000;
    }
    return fourDigits(scaled) + prefix + "s";
  }

  private static String wholeDuration(double v) {
    String sign = v < 0 ? "-" : "";
    double abs = Math.abs(v);
    long duration = (long) abs;
    long seconds = duration % 60;
    long minutes = duration / 60 % 60;
    long hours = duration / 3600 % 24;
    long days = duration / 86400;
    if (days != 0) {
      return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
    }
    if (hours != 0) {
      return sign + hours + "h " + minutes + "m " + seconds + "s";
    }
    if (minutes != 0) {
      return sign + minutes + "m " + seconds + "s";
    }
    return sign + fourDigits(abs) + "s";
  }

  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return 1 / v < 0 ? "-0" : "0";
  }

  private static String sign(double v) {
    return v < 0 ? "-" : "";
  }

  /**
   * Go's %g of a positive number given as its significant digits: the %e form when the decimal
   * exponent is below -4 or at least {@code limit}, the %f form otherwise, never with trailing
   * zeros.
   */
  private static String general(BigDecimal positive, int limit) {
    String digits = positive.unscaledValue().toString();
    int exponent = digits.length() - 1 - positive.scale();
    if (exponent < -4 || exponent >= limit) {
      return scientific(digits, exponent);
    }
    return positive.toPlainString();
  }

  private static String scientific(String digits, int exponent) {
    StringBuilder out = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      out.append('0');
    }
    return out.append(abs).toString();
  }
}
